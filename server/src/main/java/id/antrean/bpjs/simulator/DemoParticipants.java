package id.antrean.bpjs.simulator;

import java.time.LocalDate;
import java.util.List;

/**
 * The participants of the demo (and of many tests). Their NIKs are valid (region 7371 = Kota Makassar) and
 * listed in the README. The demo puskesmas is provider {@value #DEMO_PROVIDER}.
 */
public final class DemoParticipants {
    public static final String DEMO_PROVIDER = "19050101";
    public static final String DEMO_PROVIDER_NAME = "PUSKESMAS SEJAHTERA (DEMO)";
    public static final String ACTIVE_HERE = "0001234567890";
    public static final String ELSEWHERE = "0009876543210";
    public static final String ARREARS = "0005555555555";
    public static final String PBI_DEACTIVATED = "0007777777777";
    public static final String NOT_YET_ACTIVE = "0003333333333";
    public static final String PBI_APBD_ELSEWHERE = "0004444444444";
    /** Active and registered here, but without a medical record yet: Mobile JKN registers her with /peserta. */
    public static final String NEW_PATIENT = "0002222222222";
    /** Registered elsewhere for primary care, but their dental FKTP is the demo puskesmas: eligible at Poli Gigi only. */
    public static final String DENTAL_HERE = "0002468024680";
    /** Registered here for primary care, but their dental FKTP is elsewhere: not eligible at Poli Gigi. */
    public static final String DENTAL_ELSEWHERE = "0001357913579";

    private DemoParticipants() {
    }

    /** Dates that matter (a card not active yet) are set relative to {@code today}. */
    public static List<SimulatedParticipant> all(LocalDate today) {
        LocalDate longAgo = LocalDate.of(2014, 1, 1);
        LocalDate farAway = LocalDate.of(2050, 12, 31);
        return List.of(
                new SimulatedParticipant(ACTIVE_HERE, "7371011205580001", "BUDI SANTOSO", "L", LocalDate.of(1958, 5, 12),
                        true, "AKTIF", longAgo, farAway, DEMO_PROVIDER, DEMO_PROVIDER_NAME, "3", "KELAS III",
                        "21", "PBI (APBN)", 0),
                new SimulatedParticipant(ELSEWHERE, "7371066308850002", "SITI RAHMAWATI", "P", LocalDate.of(1985, 8, 23),
                        true, "AKTIF", longAgo, farAway, "19050102", "PUSKESMAS KASSI-KASSI", "1", "KELAS I",
                        "13", "PEKERJA PENERIMA UPAH", 0),
                new SimulatedParticipant(ARREARS, "7371100101900003", "ANDI PRATAMA", "L", LocalDate.of(1990, 1, 1),
                        false, "TIDAK AKTIF (MENUNGGAK IURAN)", longAgo, farAway, DEMO_PROVIDER, DEMO_PROVIDER_NAME,
                        "2", "KELAS II", "14", "PEKERJA BUKAN PENERIMA UPAH", 3),
                new SimulatedParticipant(PBI_DEACTIVATED, "7371095503700004", "WA ODE NURHAYATI", "P",
                        LocalDate.of(1970, 3, 15), false, "NON AKTIF - PBI DINONAKTIFKAN", longAgo, farAway,
                        DEMO_PROVIDER, DEMO_PROVIDER_NAME, "3", "KELAS III", "22", "PBI (APBD)", 0),
                new SimulatedParticipant(NOT_YET_ACTIVE, "7371074202010005", "RINA KARTIKA", "P", LocalDate.of(2001, 2, 2),
                        false, "BELUM AKTIF", today.plusDays(14), farAway, DEMO_PROVIDER, DEMO_PROVIDER_NAME,
                        "3", "KELAS III", "14", "PEKERJA BUKAN PENERIMA UPAH", 0),
                new SimulatedParticipant(NEW_PATIENT, "7371025704920008", "DEWI LESTARI", "P", LocalDate.of(1992, 4, 17),
                        true, "AKTIF", longAgo, farAway, DEMO_PROVIDER, DEMO_PROVIDER_NAME, "3", "KELAS III",
                        "14", "PEKERJA BUKAN PENERIMA UPAH", 0),
                new SimulatedParticipant(PBI_APBD_ELSEWHERE, "7371050307750006", "YUSUF MALIK", "L",
                        LocalDate.of(1975, 7, 3), true, "AKTIF", longAgo, farAway, "19050103", "PUSKESMAS BARA-BARAYA",
                        "3", "KELAS III", "22", "PBI (APBD)", 0),
                new SimulatedParticipant(DENTAL_HERE, "7371032009880009", "HASAN BASRI", "L", LocalDate.of(1988, 9, 20),
                        true, "AKTIF", longAgo, farAway, "19050102", "PUSKESMAS KASSI-KASSI", "3", "KELAS III",
                        "14", "PEKERJA BUKAN PENERIMA UPAH", 0, DEMO_PROVIDER, DEMO_PROVIDER_NAME),
                new SimulatedParticipant(DENTAL_ELSEWHERE, "7371046106950010", "NURUL AINI", "P", LocalDate.of(1995, 6, 21),
                        true, "AKTIF", longAgo, farAway, DEMO_PROVIDER, DEMO_PROVIDER_NAME, "3", "KELAS III",
                        "13", "PEKERJA PENERIMA UPAH", 0, "19050199", "KLINIK GIGI SEHAT MAKASSAR"));
    }
}
