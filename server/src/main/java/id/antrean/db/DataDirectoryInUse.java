package id.antrean.db;

import java.io.IOException;

/** Another server (another process, or this one) holds the data directory's lock: its PostgreSQL is in use. */
public final class DataDirectoryInUse extends IOException {
    public DataDirectoryInUse(String message) {
        super(message);
    }
}
