-- Eligibility answers that stay fresh (issue #15, point 4).
--
-- A card and its NIK share one answer: a lookup by card also finds today's answer given for its NIK, and a newer
-- answer is written over every identity of the same card. Both go by the card number within the facility's day.
CREATE INDEX eligibility_check_by_card ON eligibility_check (facility_id, service_date, card_number)
    WHERE card_number IS NOT NULL;
