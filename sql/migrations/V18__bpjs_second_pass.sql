-- BPJS, second pass (issue #17).
-- A participant has a primary FKTP and a dental one (kdProviderPst, kdProviderGigi): a dental poli checks
-- eligibility against the dental provider. BPJS's poli code 002 is Poli Gigi.
ALTER TABLE service ADD COLUMN dental boolean NOT NULL DEFAULT false;
UPDATE service SET dental = true WHERE bpjs_code = '002';

ALTER TABLE facility
    -- Mobile JKN has already allowed a booking it sends: by default its eligibility is recorded and shown to
    -- staff ('record'); a facility may choose to refuse an ineligible booking ('refuse').
    ADD COLUMN booking_eligibility text NOT NULL DEFAULT 'record' CHECK (booking_eligibility IN ('record', 'refuse')),
    -- BPJS's FKTP dashboard counts every patient: non-JKN visits are reported too unless the facility opts out.
    ADD COLUMN report_all_patients boolean NOT NULL DEFAULT true;
