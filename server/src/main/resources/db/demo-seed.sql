-- Demo data for DEMO=1: one puskesmas in Asia/Makassar (WITA). Every statement is idempotent.

INSERT INTO facility (code, name, time_zone, bpjs_provider_code)
VALUES ('pkm-demo', 'Puskesmas Sejahtera (Demo)', 'Asia/Makassar', '19050101')
ON CONFLICT (code) DO UPDATE SET bpjs_provider_code = coalesce(facility.bpjs_provider_code, EXCLUDED.bpjs_provider_code);

INSERT INTO service (facility_id, code, name, prefix, sort_order)
SELECT f.facility_id, s.code, s.name, s.prefix, s.sort_order
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

INSERT INTO service (facility_id, code, name, prefix, sort_order)
SELECT f.facility_id, s.code, s.name, s.prefix, s.sort_order
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
