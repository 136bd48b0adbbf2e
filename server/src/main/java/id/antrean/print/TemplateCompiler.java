package id.antrean.print;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;

/**
 * Build-time step (see server/pom.xml): compiles every JasperReports template in a folder into
 * {@code .jasper} files, so the server never compiles a report while serving.
 */
public final class TemplateCompiler {
    private TemplateCompiler() {
    }

    public static void main(String[] args) throws IOException, JRException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        Files.createDirectories(target);
        List<Path> templates;
        try (Stream<Path> files = Files.list(source)) {
            templates = files.filter(f -> f.toString().endsWith(".jrxml")).sorted().toList();
        }
        for (Path template : templates) {
            String name = template.getFileName().toString().replace(".jrxml", ".jasper");
            JasperCompileManager.compileReportToFile(template.toString(), target.resolve(name).toString());
            System.out.println("Compiled " + template.getFileName() + " -> " + target.resolve(name));
        }
    }
}
