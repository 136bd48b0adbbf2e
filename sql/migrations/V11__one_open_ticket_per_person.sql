-- One open number per person per service per day: each issue looks up the person's open tickets of the day
-- by card number or by NIK while holding the queue's number lock, so that look-up must stay an index probe.
-- (The rule itself is enforced by that lock, not by a unique index: the desk may give a second number with a
-- reason, and a person is either identifier, which no single unique index can express.)
CREATE INDEX ticket_open_by_card ON ticket (facility_id, service_date, card_number)
    WHERE card_number IS NOT NULL AND status IN ('BOOKED', 'WAITING', 'CALLED', 'SERVING', 'PARKED');
CREATE INDEX ticket_open_by_nik ON ticket (facility_id, service_date, nik)
    WHERE nik IS NOT NULL AND status IN ('BOOKED', 'WAITING', 'CALLED', 'SERVING', 'PARKED');
