package id.antrean.app;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jar's entry point, compiled for Java 11 so that it can speak on any JVM: on Java 21+ it starts the
 * server; on an older {@code java} (17 is the default on many machines) it looks for a JDK 21+ in
 * {@code JAVA_HOME} and {@code /usr/lib/jvm} and runs the server there, or says plainly what is missing.
 */
public final class Launcher {
    static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() >= REQUIRED) {
            Method main = Class.forName("id.antrean.app.Main").getMethod("main", String[].class);
            main.invoke(null, (Object) args);
            return;
        }
        Path java = findJava();
        if (java == null) {
            System.err.println("Antrean needs Java " + REQUIRED + " or newer; this is Java "
                    + Runtime.version().feature() + ". Install a JDK " + REQUIRED + "+ or set JAVA_HOME to one.");
            System.exit(1);
        }
        System.err.println("Java " + Runtime.version().feature() + " is too old for Antrean; running it with " + java);
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add("-jar");
        command.add(new File(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath());
        command.addAll(List.of(args));
        Process server = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.exit(server.waitFor());
    }

    private static Path findJava() throws Exception {
        List<Path> homes = new ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isEmpty()) {
            homes.add(Paths.get(javaHome));
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> list = Files.list(jvms)) {
                list.sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                        .forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin/java");
            if (Files.isExecutable(java) && majorVersion(home) >= REQUIRED) {
                return java;
            }
        }
        return null;
    }

    /** The JDK's major version from its {@code release} file; 0 when unknown. */
    private static int majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isReadable(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String major = version.startsWith("1.") ? version.substring(2) : version;
                    int end = 0;
                    while (end < major.length() && Character.isDigit(major.charAt(end))) {
                        end++;
                    }
                    return end == 0 ? 0 : Integer.parseInt(major.substring(0, end));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
