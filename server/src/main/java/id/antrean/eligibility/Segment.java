package id.antrean.eligibility;

import java.util.Locale;

/**
 * The participant's segment (jenis peserta), from BPJS's free-text name. PBI APBD participants cannot
 * change their data in Mobile JKN: they must go to the office, so messages tell them so.
 */
public enum Segment {
    PBI_APBN("PBI APBN"),
    PBI_APBD("PBI APBD"),
    PPU("PPU"),
    PBPU("PBPU"),
    BP("BP"),
    UNKNOWN("?");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean pbi() {
        return this == PBI_APBN || this == PBI_APBD;
    }

    /** Reads names such as "PBI (APBD)", "PEKERJA PENERIMA UPAH", "PBPU / MANDIRI", "BUKAN PEKERJA". */
    public static Segment fromName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        String n = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", " ").replaceAll("\\s+", " ").strip();
        if (n.contains("APBN")) {
            return PBI_APBN;
        }
        if (n.contains("APBD") || n.contains("JAMKESDA")) {
            return PBI_APBD;
        }
        if (n.contains("BUKAN PENERIMA UPAH") || n.contains("PBPU") || n.contains("MANDIRI")) {
            return PBPU;
        }
        if (n.contains("BUKAN PEKERJA") || n.equals("BP") || n.contains("PENSIUN") || n.contains("VETERAN")) {
            return BP;
        }
        if (n.contains("PENERIMA UPAH") || n.equals("PPU") || n.startsWith("PPU ") || n.contains("PNS")
                || n.contains("TNI") || n.contains("POLRI")) {
            return PPU;
        }
        return UNKNOWN;
    }
}
