package id.antrean.mobilejkn;

import id.antrean.booking.BookingRefused;
import id.antrean.facility.ZoneLabel;
import id.antrean.queue.TicketStatus;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Every text the Mobile JKN contract answers with, in one place so it can be checked at a glance against the
 * team's BPJS protocol notes, section 1 ("The FKTP online-queue web service"). The first block is the protocol's
 * own strings (BPJS's callers, and people, compare them literally): never reword them. The second block is
 * wording the contract leaves to the facility, in the protocol's style ("Format … Tidak Sesuai",
 * "… tidak boleh kosong"). These are protocol strings, Indonesian only; they are not in the i18n bundles.
 */
public final class ContractMessages {

    // --- The protocol's own strings (section 1 of the BPJS README) ---------------------------------------

    public static final String OK = "Ok";
    public static final String WRONG_CREDENTIALS = "Username atau Password Tidak Sesuai";
    public static final String TOKEN_EXPIRED = "Token expired";
    public static final String CARD_LENGTH = "Nomor kartu harus 13 digit";
    public static final String CARD_FORMAT = "Format Nomor Kartu Tidak Sesuai";
    public static final String NIK_LENGTH = "NIK harus 16 digit";
    public static final String NIK_FORMAT = "Format NIK Tidak Sesuai";
    public static final String POLI_NOT_FOUND = "Poli Tidak Ditemukan";
    public static final String DATE_FORMAT = "Format Tanggal Tidak Sesuai, format yang benar adalah yyyy-mm-dd";
    public static final String DATE_IN_PAST = "Tanggal Periksa Tidak Berlaku Mundur";
    public static final String NO_SCHEDULE = "Pendaftaran ke Poli ini tidak tersedia";
    /** The poli (or the whole facility) is closed that day: a holiday, the doctor away (metadata code 201). */
    public static final String CLOSED_ON_DATE = "Pendaftaran ke Poli Ini Sedang Tutup";
    private static final String CLOSED_FOR_TODAY = "Pendaftaran Ke Poli %s Sudah Tutup Jam %s";
    public static final String PATIENT_UNKNOWN = "Data pasien ini tidak ditemukan";
    public static final String ALREADY_BOOKED =
            "Nomor Antrean Hanya Dapat Diambil 1 Kali Pada Tanggal dan Poli Yang Sama";
    public static final String QUEUE_NOT_FOUND = "Antrean Tidak Ditemukan";
    public static final String ALREADY_CANCELLED = "Antrean sudah dibatalkan";
    public static final String ALREADY_SERVED = "Pasien Sudah Dilayani, Antrean Tidak Dapat Dibatalkan";
    public static final String ALREADY_REGISTERED = "Data pasien ini sudah terdaftar";
    public static final String REASON_REQUIRED = "Keterangan tidak boleh kosong";
    /** {@code <Field> tidak boleh kosong}: the field's readable name comes first. */
    private static final String REQUIRED = "%s tidak boleh kosong";

    // --- Wording the contract leaves to the facility ----------------------------------------------------

    public static final String TOKEN_INVALID = "Token tidak valid";
    /**
     * A {@code kodedokter} of nobody practising here (Khanza: "Dokter tidak ditemukan"; mLITE: "Maaf Dokter Tujuan
     * Tidak Ditemukan"), in the capitals of our "Poli Tidak Ditemukan".
     */
    public static final String DOCTOR_NOT_FOUND = "Dokter Tidak Ditemukan";
    /** The NIK sent is on another card's record here, or the card's record holds another NIK. */
    public static final String NIK_OF_ANOTHER_CARD = "NIK Tidak Sesuai Dengan Nomor Kartu";
    public static final String FACILITY_NOT_FOUND = "Fasilitas Kesehatan Tidak Ditemukan";
    public static final String INVALID_BODY = "Format Request Tidak Sesuai, isi harus berupa objek JSON";
    public static final String BODY_TOO_LARGE = "Ukuran Request Melebihi Batas 16 KB";
    public static final String UNKNOWN_ROUTE = "Alamat atau Metode Layanan Tidak Dikenal";
    public static final String UNAVAILABLE = "Layanan Sedang Tidak Tersedia, Silakan Coba Beberapa Saat Lagi";
    public static final String INTERNAL_ERROR = "Terjadi Kesalahan Pada Layanan Faskes, Silakan Coba Lagi";
    private static final String TOO_MANY_REQUESTS = "Terlalu Banyak Permintaan, Coba Lagi Dalam %d Detik";
    private static final String BEYOND_WINDOW = "Pendaftaran hanya dapat dilakukan paling lambat %d hari ke depan";
    public static final String TODAY_ONLY = "Pendaftaran hanya dapat dilakukan untuk hari ini";
    private static final String QUOTA_FULL = "Kuota Antrean Poli %s Sudah Penuh";
    public static final String KK_LENGTH = "Nomor KK harus 16 digit";
    /** {@code Format <Field> Tidak Sesuai}, in the protocol's own pattern, for the fields it names no message for. */
    private static final String FORMAT = "Format %s Tidak Sesuai";
    public static final String BIRTH_DATE_FORMAT =
            "Format Tanggal Lahir Tidak Sesuai, format yang benar adalah yyyy-mm-dd";
    public static final String BIRTH_DATE_INVALID = "Tanggal Lahir Tidak Sesuai";
    public static final String SEX_FORMAT = "Jenis Kelamin harus L atau P";
    /** How {@code Format <Field> Tidak Sesuai} names the optional fields of {@code /antrean} and {@code /antrean/batal}. */
    public static final String LABEL_COMPLAINT = "Keluhan";
    public static final String LABEL_DOCTOR = "Kode Dokter";
    public static final String LABEL_HOURS = "Jam Praktek";
    public static final String LABEL_RECORD_NUMBER = "Nomor Rekam Medis";
    public static final String LABEL_REASON = "Keterangan";
    private static final String COME_EARLY =
            "Harap datang 30 menit sebelum perkiraan waktu pelayanan pukul %s, lalu konfirmasi kedatangan "
                    + "di kiosk atau loket pendaftaran.";
    private static final String COME_NOW =
            "Silakan segera datang, perkiraan waktu pelayanan pukul %s. Konfirmasi kedatangan "
                    + "di kiosk atau loket pendaftaran.";
    private static final String COME_AND_CONFIRM =
            "Silakan datang dan konfirmasi kedatangan di kiosk atau loket pendaftaran.";
    private static final Map<TicketStatus, String> AFTER_ARRIVAL = Map.of(
            TicketStatus.WAITING, "Kedatangan Anda sudah dikonfirmasi, silakan menunggu panggilan.",
            TicketStatus.CALLED, "Nomor antrean Anda sedang dipanggil, silakan menuju ruang pelayanan.",
            TicketStatus.SERVING, "Anda sedang dilayani.",
            TicketStatus.PARKED, "Anda sedang dilayani.",
            TicketStatus.DONE, "Anda sudah dilayani.",
            TicketStatus.SKIPPED, "Nomor antrean Anda sudah dipanggil tetapi Anda tidak hadir, silakan lapor "
                    + "ke loket pendaftaran.",
            TicketStatus.NO_SHOW, "Kedatangan tidak dikonfirmasi sampai pelayanan poli tutup, nomor antrean ini "
                    + "tidak berlaku lagi.");
    /**
     * {@code keterangan} of the status call on a day still open: when to come and what to do if the number was
     * missed, as both references say it ("Datanglah Minimal 30 Menit, jika no antrian anda terlewat, …").
     */
    private static final String STATUS_NOTE = "Datang minimal 30 menit sebelum jam praktek %s, lalu konfirmasi "
            + "kedatangan di kiosk atau loket pendaftaran. Jika nomor antrean Anda terlewat, lapor ke loket pendaftaran.";

    /** The fields of {@code /peserta} in the contract's order: their JSON names and the names its messages use. */
    public enum Field {
        CARD("nomorkartu", "Nomor Kartu"),
        NIK("nik", "NIK"),
        FAMILY_CARD("nomorkk", "Nomor KK"),
        NAME("nama", "Nama"),
        SEX("jeniskelamin", "Jenis Kelamin"),
        BIRTH_DATE("tanggallahir", "Tanggal Lahir"),
        PHONE("nohp", "No.HP"),
        ADDRESS("alamat", "Alamat"),
        PROVINCE_CODE("kodeprop", "Kode Propinsi"),
        PROVINCE_NAME("namaprop", "Nama Propinsi"),
        REGENCY_CODE("kodedati2", "Kode Dati II"),
        REGENCY_NAME("namadati2", "Nama Dati II"),
        DISTRICT_CODE("kodekec", "Kode Kecamatan"),
        DISTRICT_NAME("namakec", "Nama Kecamatan"),
        VILLAGE_CODE("kodekel", "Kode Kelurahan"),
        VILLAGE_NAME("namakel", "Nama Kelurahan"),
        RW("rw", "RW"),
        RT("rt", "RT");

        private final String key;
        private final String label;

        Field(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private ContractMessages() {
    }

    public static String required(String field) {
        return REQUIRED.formatted(field);
    }

    public static String format(String field) {
        return FORMAT.formatted(field);
    }

    public static String tooManyRequests(int seconds) {
        return TOO_MANY_REQUESTS.formatted(seconds);
    }

    /** A refusal of the booking domain, worded as the contract words it. */
    public static ContractRefusal refusal(BookingRefused refused) {
        Map<String, Object> details = refused.details();
        return switch (refused.reason()) {
            case POLI_NOT_FOUND -> ContractRefusal.of(POLI_NOT_FOUND);
            case DATE_IN_PAST -> ContractRefusal.of(DATE_IN_PAST);
            case BEYOND_WINDOW -> {
                int days = ((Number) details.getOrDefault("days", 0)).intValue();
                yield ContractRefusal.of(days <= 0 ? TODAY_ONLY : BEYOND_WINDOW.formatted(days));
            }
            case NO_SCHEDULE -> ContractRefusal.of(NO_SCHEDULE);
            case DOCTOR_NOT_FOUND -> ContractRefusal.of(DOCTOR_NOT_FOUND);
            case NIK_OF_ANOTHER_CARD -> ContractRefusal.of(NIK_OF_ANOTHER_CARD);
            case CLOSED_FOR_TODAY -> ContractRefusal.of(CLOSED_FOR_TODAY.formatted(
                    poliName(details.get("poli")), hours(String.valueOf(details.get("closes")))));
            case CLOSED_ON_DATE -> ContractRefusal.of(CLOSED_ON_DATE);
            case QUOTA_FULL -> ContractRefusal.of(QUOTA_FULL.formatted(poliName(details.get("poli"))));
            case PATIENT_UNKNOWN -> new ContractRefusal(Envelope.PATIENT_UNKNOWN, PATIENT_UNKNOWN);
            case NOT_ELIGIBLE -> ContractRefusal.of(String.valueOf(details.get("message")));
            case ALREADY_BOOKED -> ContractRefusal.of(ALREADY_BOOKED);
            case NOT_FOUND -> ContractRefusal.of(QUEUE_NOT_FOUND);
            case ALREADY_CANCELLED -> ContractRefusal.of(ALREADY_CANCELLED);
            case ALREADY_SERVED -> ContractRefusal.of(ALREADY_SERVED);
        };
    }

    /**
     * What a booked patient is asked to do: come 30 minutes before the time estimated for them and confirm
     * their arrival. When that moment has already passed (a booking for later today), they are asked to come now.
     */
    public static String arrival(Instant estimatedAt, Instant now, ZoneId zone) {
        if (estimatedAt == null) {
            return COME_AND_CONFIRM;
        }
        ZonedDateTime local = estimatedAt.atZone(zone);
        String time = local.format(HOURS) + ZoneLabel.of(zone).map(label -> " " + label).orElse("");
        return estimatedAt.minusSeconds(30 * 60).isBefore(now) ? COME_NOW.formatted(time) : COME_EARLY.formatted(time);
    }

    /**
     * The status call's {@code keterangan}: today after closing, the booking's own "closed at" sentence; a full day,
     * the booking's "quota full" sentence; otherwise when to come ({@code hours} as {@code "07:30-14:00"}).
     */
    public static String statusNote(String poli, String hours, LocalTime closes, ZoneId zone, boolean closedForToday,
                                    boolean full) {
        if (closedForToday) {
            return CLOSED_FOR_TODAY.formatted(poliName(poli), closes.format(HOURS));
        }
        if (full) {
            return QUOTA_FULL.formatted(poliName(poli));
        }
        return STATUS_NOTE.formatted(hours + ZoneLabel.of(zone).map(label -> " " + label).orElse(""));
    }

    /** What a patient who already came hears when asking for their place in line; null while still booked. */
    public static String afterArrival(TicketStatus status) {
        return AFTER_ARRIVAL.get(status);
    }

    /**
     * The name after "Poli" in the contract's sentences: "Pendaftaran Ke Poli {nama}" with our service named
     * "Poli Umum" must read "Ke Poli Umum", not "Ke Poli Poli Umum".
     */
    static String poliName(Object serviceName) {
        String name = String.valueOf(serviceName).strip();
        return name.regionMatches(true, 0, "Poli ", 0, 5) ? name.substring(5).strip() : name;
    }

    private static String hours(String time) {
        try {
            return LocalTime.parse(time).format(HOURS);
        } catch (DateTimeParseException e) {
            return time;
        }
    }
}
