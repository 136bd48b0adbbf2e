package id.antrean.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL refuses to run as root. When the server does (a kiosk PC set up by hand, a container), PostgreSQL's
 * programs run in a user namespace of their own ({@code unshare -U}), where they are nobody, not root.
 */
final class OsUser {
    private OsUser() {
    }

    /** The command prefix that runs a PostgreSQL program as an unprivileged user; empty when we are not root. */
    static List<String> unprivileged() {
        if (PrivateFiles.posix() && PrivateFiles.ourUid() == 0) {
            boolean linux = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux");
            Path unshare = Path.of("/usr/bin/unshare");
            if (!linux || !Files.isExecutable(unshare)) {
                throw new IllegalStateException("PostgreSQL cannot run as root: run the server as an ordinary user"
                        + " (or install util-linux's unshare), or set DATABASE_URL");
            }
            return List.of(unshare.toString(), "-U");
        }
        return List.of();
    }
}
