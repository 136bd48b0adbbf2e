/**
 * The patient's own tracking page: {@code GET /t/{trackingCode}} on their phone, fed by a public API that shows one
 * ticket's place in line and nothing personal ({@code GET /api/v1/track/{trackingCode}} and its Server-Sent Events
 * at {@code …/events}). The code is the ticket's random {@code tracking_code}: whoever holds the link (the ticket's QR)
 * may follow that ticket until the end of its facility's day, and nobody else can find it. Rate-limited per client
 * address ({@code TRACK_RATE_LIMIT}).
 */
package id.antrean.track;
