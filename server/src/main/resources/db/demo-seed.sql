-- Demo data for DEMO=1: one puskesmas in Asia/Makassar (WITA). Every statement is idempotent.

-- The demo kiosk offers English beside Bahasa Indonesia (a new facility offers Bahasa Indonesia only until its
-- admin adds English in its profile); set when the facility is made, so an admin's later choice stays.
INSERT INTO facility (code, name, time_zone, bpjs_provider_code, languages)
VALUES ('pkm-demo', 'Puskesmas Sejahtera (Demo)', 'Asia/Makassar', '19050101', '{id,en}')
ON CONFLICT (code) DO UPDATE SET bpjs_provider_code = coalesce(facility.bpjs_provider_code, EXCLUDED.bpjs_provider_code);

-- Each poli's typical time per patient (5 minutes) is what the wait estimate uses until it has history.
INSERT INTO service (facility_id, code, name, prefix, sort_order, typical_service_minutes)
SELECT f.facility_id, s.code, s.name, s.prefix, s.sort_order, 5
FROM facility f,
     (VALUES ('UMUM', 'Poli Umum', 'A', 1),
             ('GIGI', 'Poli Gigi', 'B', 2),
             ('KIA', 'Poli KIA', 'C', 3),
             ('LAB', 'Laboratorium', 'D', 4),
             ('APOTEK', 'Apotek', 'E', 5)) AS s(code, name, prefix, sort_order)
WHERE f.code = 'pkm-demo'
ON CONFLICT (facility_id, code) DO NOTHING;

INSERT INTO counter (facility_id, code, name, sort_order)
SELECT f.facility_id, c.code, c.name, c.sort_order
FROM facility f,
     (VALUES ('R-UMUM-1', 'Ruang Periksa Umum 1', 2),
             ('R-UMUM-2', 'Ruang Periksa Umum 2', 3),
             ('R-GIGI', 'Ruang Gigi', 4),
             ('R-KIA', 'Ruang KIA', 5),
             ('R-LAB', 'Ruang Laboratorium', 6),
             ('APOTEK', 'Loket Apotek', 7)) AS c(code, name, sort_order)
WHERE f.code = 'pkm-demo'
ON CONFLICT (facility_id, code) DO NOTHING;

INSERT INTO counter_service (facility_id, counter_id, service_id)
SELECT f.facility_id, c.counter_id, s.service_id
FROM facility f
JOIN (VALUES ('R-UMUM-1', 'UMUM'), ('R-UMUM-2', 'UMUM'),
             ('R-GIGI', 'GIGI'), ('R-KIA', 'KIA'),
             ('R-LAB', 'LAB'), ('APOTEK', 'APOTEK')) AS m(counter_code, service_code) ON true
JOIN counter c ON c.facility_id = f.facility_id AND c.code = m.counter_code
JOIN service s ON s.facility_id = f.facility_id AND s.code = m.service_code
WHERE f.code = 'pkm-demo'
ON CONFLICT DO NOTHING;

-- The demo roster: the facility's own list of participants registered with it (answers when BPJS cannot).
-- 0006666666666 is on the roster only: BPJS does not know it.
INSERT INTO roster_participant (facility_id, card_number, nik, name_initial, class_name, segment, imported_at)
SELECT f.facility_id, r.card_number, r.nik, r.initial, r.class_name, r.segment, now()
FROM facility f,
     (VALUES ('0001234567890', '7371011205580001', 'B', 'KELAS III', 'PBI (APBN)'),
             ('0006666666666', '7371012808800007', 'H', 'KELAS III', 'PBI (APBN)')) AS r(card_number, nik, initial, class_name, segment)
WHERE f.code = 'pkm-demo'
ON CONFLICT DO NOTHING;

-- A second facility, so that isolation can be seen: nobody of pkm-demo may touch its queue.
INSERT INTO facility (code, name, time_zone, bpjs_provider_code)
VALUES ('klinik-demo', 'Klinik Pratama Harapan (Demo)', 'Asia/Jakarta', '09020107')
ON CONFLICT (code) DO NOTHING;

INSERT INTO service (facility_id, code, name, prefix, sort_order, typical_service_minutes)
SELECT f.facility_id, s.code, s.name, s.prefix, s.sort_order, 5
FROM facility f, (VALUES ('UMUM', 'Poli Umum', 'A', 1), ('GIGI', 'Poli Gigi', 'B', 2)) AS s(code, name, prefix, sort_order)
WHERE f.code = 'klinik-demo'
ON CONFLICT (facility_id, code) DO NOTHING;

INSERT INTO counter (facility_id, code, name, sort_order)
SELECT f.facility_id, c.code, c.name, c.sort_order
FROM facility f, (VALUES ('R-UMUM', 'Ruang Umum', 1), ('R-GIGI', 'Ruang Gigi', 2)) AS c(code, name, sort_order)
WHERE f.code = 'klinik-demo'
ON CONFLICT (facility_id, code) DO NOTHING;

INSERT INTO counter_service (facility_id, counter_id, service_id)
SELECT f.facility_id, c.counter_id, s.service_id
FROM facility f
JOIN (VALUES ('R-UMUM', 'UMUM'), ('R-GIGI', 'GIGI')) AS m(counter_code, service_code) ON true
JOIN counter c ON c.facility_id = f.facility_id AND c.code = m.counter_code
JOIN service s ON s.facility_id = f.facility_id AND s.code = m.service_code
WHERE f.code = 'klinik-demo'
ON CONFLICT DO NOTHING;

-- The online queue (Mobile JKN): BPJS poli codes, quotas, practice hours with their doctors.
UPDATE service s SET bpjs_code = m.bpjs_code, daily_quota = m.daily_quota, jkn_quota = m.jkn_quota,
                     dental = (m.bpjs_code = '002')
FROM facility f, (VALUES ('UMUM', '001', 120, 60), ('GIGI', '002', 40, 20), ('KIA', '003', 60, 30))
     AS m(code, bpjs_code, daily_quota, jkn_quota)
WHERE f.code = 'pkm-demo' AND s.facility_id = f.facility_id AND s.code = m.code AND s.bpjs_code IS NULL;

INSERT INTO service_schedule (facility_id, service_id, weekday, opens_at, closes_at, doctor_code, doctor_name)
SELECT s.facility_id, s.service_id, d.weekday, m.opens, CASE WHEN d.weekday = 5 THEN time '11:00' ELSE m.closes END,
       m.doctor_code, m.doctor_name
FROM facility f
JOIN service s ON s.facility_id = f.facility_id
JOIN (VALUES ('UMUM', time '07:30', time '14:00', 123451, 'dr. Andi Wijaya'),
             ('GIGI', time '08:00', time '12:00', 123452, 'drg. Sari Utami'),
             ('KIA', time '07:30', time '13:00', 123453, 'Bidan Rahmawati')) AS m(code, opens, closes, doctor_code, doctor_name)
  ON m.code = s.code
CROSS JOIN generate_series(1, 6) AS d(weekday)
WHERE f.code = 'pkm-demo'
ON CONFLICT DO NOTHING;

-- Patients with a medical record here (Mobile JKN books for them; others register first with /peserta).
INSERT INTO patient (facility_id, norm, card_number, nik, name, sex, birth_date, phone)
SELECT f.facility_id, p.norm, p.card_number, p.nik, p.name, p.sex, p.birth_date, p.phone
FROM facility f,
     (VALUES ('RM-000001', '0001234567890', '7371011205580001', 'BUDI SANTOSO', 'L', date '1958-05-12', '081234567801'),
             ('RM-000002', '0009876543210', '7371066308850002', 'SITI RAHMAWATI', 'P', date '1985-08-23', '081234567802'),
             ('RM-000003', '0005555555555', '7371100101900003', 'ANDI PRATAMA', 'L', date '1990-01-01', '081234567803'))
     AS p(norm, card_number, nik, name, sex, birth_date, phone)
WHERE f.code = 'pkm-demo'
ON CONFLICT DO NOTHING;
