package id.antrean.profile;

import id.antrean.auth.Actor;
import id.antrean.auth.AuditLog;
import id.antrean.events.SettingsChanged;
import id.antrean.facility.Facility;
import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import id.antrean.web.Revisions;
import id.antrean.web.UniqueViolation;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Creates facilities and reads and edits their profiles. Every change is one transaction with its audit entry
 * (before and after, the logo by type and size) and a {@code SETTINGS_CHANGED} {@code profile} event, so kiosks,
 * displays and consoles reload it live.
 */
final class FacilityProfiles {
    static final String PROFILE = "SELECT " + FacilityProfile.COLUMNS + " FROM facility WHERE facility_id = $1";
    static final String PROFILE_FOR_UPDATE = PROFILE + " FOR UPDATE";
    static final String INSERT = """
            INSERT INTO facility (code, name, time_zone, bpjs_provider_code, address, phone)
            VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING\s""" + FacilityProfile.COLUMNS;
    static final String UPDATE = """
            UPDATE facility SET name = $3, address = $4, phone = $5, ticket_footer = $6, kiosk_idle_seconds = $7,
                   languages = $8,
                   logo = CASE WHEN $9 THEN $10 ELSE logo END,
                   logo_content_type = CASE WHEN $9 THEN $11 ELSE logo_content_type END,
                   priority_order = coalesce($12, priority_order),
                   kiosk_spoken_guidance = coalesce($13, kiosk_spoken_guidance),
                   display_announce_twice = coalesce($14, display_announce_twice),
                   head_title = $15, head_name = $16, head_nip = $17,
                   version = version + 1
            WHERE facility_id = $1 AND version = $2
            RETURNING\s""" + FacilityProfile.COLUMNS;
    static final String LOGO = "SELECT logo, logo_content_type, version FROM facility WHERE facility_id = $1";

    /** A logo's bytes, its type and the profile's version (for the ETag). */
    record LogoImage(Buffer bytes, String contentType, int version) {
    }

    private final Pool pool;
    private final Clock clock;

    FacilityProfiles(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    Future<FacilityProfile> create(NewFacility facility, Actor actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(INSERT)
                        .execute(Tuple.of(facility.code(), facility.name(), facility.timeZone(),
                                facility.bpjsProviderCode(), facility.address(), facility.phone()))
                        .map(rows -> FacilityProfile.from(rows.iterator().next()))
                        .compose(created -> recorded(tx, created, actor, "FACILITY_CREATE", null, now)))
                .recover(e -> Future.failedFuture(taken(e, facility)));
    }

    Future<FacilityProfile> read(Facility facility) {
        return pool.preparedQuery(PROFILE).execute(Tuple.of(facility.id()))
                .map(rows -> FacilityProfile.from(rows.iterator().next()));
    }

    Future<FacilityProfile> update(Facility facility, long expectedVersion, ProfileEdit edit, Actor actor) {
        Instant now = clock.instant();
        return pool.withTransaction(tx -> tx.preparedQuery(PROFILE_FOR_UPDATE).execute(Tuple.of(facility.id()))
                .map(rows -> FacilityProfile.from(rows.iterator().next()))
                .compose(before -> tx.preparedQuery(UPDATE).execute(Tuple.of(facility.id(), expectedVersion,
                                edit.name(), edit.address(), edit.phone(), edit.ticketFooter(), edit.kioskIdleSeconds(),
                                edit.languages().toArray(String[]::new))
                                .addValue(edit.logoChanged())
                                .addValue(edit.logo() == null ? null : Buffer.buffer(edit.logo().bytes()))
                                .addValue(edit.logo() == null ? null : edit.logo().contentType())
                                .addValue(edit.priorityOrder())
                                .addValue(edit.spokenGuidance())
                                .addValue(edit.announceTwice())
                                .addValue(edit.head().title())
                                .addValue(edit.head().name())
                                .addValue(edit.head().nip()))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                return Future.failedFuture(Revisions.conflict());
                            }
                            FacilityProfile after = FacilityProfile.from(rows.iterator().next());
                            return recorded(tx, after, actor, "FACILITY_PROFILE_UPDATE", before, now);
                        })));
    }

    Future<LogoImage> logo(Facility facility) {
        return pool.preparedQuery(LOGO).execute(Tuple.of(facility.id())).map(rows -> {
            Row row = rows.iterator().next();
            if (row.getString("logo_content_type") == null) {
                throw Problem.of(ErrorCode.LOGO_NOT_FOUND);
            }
            return new LogoImage(row.getBuffer("logo"), row.getString("logo_content_type"), row.getInteger("version"));
        });
    }

    private static Future<FacilityProfile> recorded(SqlClient tx, FacilityProfile after, Actor actor, String action,
                                                    FacilityProfile before, Instant at) {
        return AuditLog.change(tx, after.id(), actor, action, before == null ? null : before.audited(),
                        after.audited(), at)
                .compose(done -> SettingsChanged.announce(tx, after.id(), ZoneId.of(after.timeZone()), "profile", at))
                .map(event -> after);
    }

    private static Throwable taken(Throwable e, NewFacility facility) {
        if (UniqueViolation.is(e)) {
            String constraint = UniqueViolation.constraint(e).orElseThrow();
            if (constraint.contains("bpjs_provider_code")) {
                return Problem.ofField(ErrorCode.BPJS_PROVIDER_CODE_TAKEN, "bpjsProviderCode", facility.bpjsProviderCode());
            }
            return Problem.ofField(ErrorCode.FACILITY_CODE_TAKEN, "code", facility.code());
        }
        return e;
    }
}
