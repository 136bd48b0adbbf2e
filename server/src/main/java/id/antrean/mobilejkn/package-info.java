/**
 * BPJS's FKTP online-queue web service, Mobile JKN → the facility, served at {@code /mobilejkn/{facility}/…}
 * (the base URL a facility registers with BPJS is {@code https://<host>/mobilejkn/<facility code>}).
 *
 * <ul>
 *   <li>{@code GET auth} ({@code x-username}, {@code x-password}) → a token. The credentials are the facility's,
 *       set by an admin ({@code PUT /api/v1/facilities/{facility}/mobilejkn-account}; {@code DEMO=1}:
 *       {@code mobilejkn} / {@code DEMO_PASSWORD}).</li>
 *   <li>{@code GET antrean/status/{kodepoli}/{tanggalperiksa}}, {@code POST antrean},
 *       {@code GET antrean/sisapeserta/{nomorkartu}/{kodepoli}/{tanggalperiksa}}, {@code PUT antrean/batal},
 *       {@code POST peserta}: with {@code x-username} and {@code x-token} ({@code x-password} ignored).</li>
 * </ul>
 *
 * <p>Choices the contract leaves open:
 * <ul>
 *   <li><b>Token</b>: 256 random bits, stored only as SHA-256 in {@code mobilejkn_token}, good for one hour, for its
 *       facility and that facility's username only. Not a signed token: the database is shared by every node
 *       anyway, and new credentials revoke the old tokens at once. Expired → {@code Token expired} (expired rows
 *       are kept a day to say so); missing, unknown, another facility's or another username's →
 *       {@code Token tidak valid}.</li>
 *   <li><b>Envelope</b>: every answer under the mount, including malformed or oversize (16 KB) bodies, unknown paths
 *       and methods, an unknown facility, rate limiting ({@code MOBILEJKN_RATE_LIMIT}, with {@code Retry-After})
 *       and an unreachable database, is the contract's envelope with the HTTP status equal to
 *       {@code metadata.code}; never {@code problem+json}, never a 500.</li>
 *   <li><b>Order of checks</b> for {@code POST antrean}: card, NIK, poli, date format (and {@code jampraktek}'s
 *       form) here; then the booking domain: past date, booking window, schedule, the doctor and hours sent,
 *       closing time, closure, the NIK being the card's, patient known (202), eligibility, one number per card,
 *       quota. The window comes before the schedule (a far date is "too far", not "no practice"), a second
 *       number before a full quota, and an unknown patient (202) before a full quota.</li>
 *   <li><b>Names</b>: our services are named "Poli Umum"; in the contract's sentences "Ke Poli {nama}" the leading
 *       "Poli" is not repeated ({@code Pendaftaran Ke Poli Umum Sudah Tutup Jam 14:00}).</li>
 *   <li><b>Status</b> of a day without practice, or of a past day, is refused like a booking. One element: one
 *       doctor per poli and weekday here. {@code antreanpanggil} before anyone is called is the poli's number zero
 *       ({@code A-000}).</li>
 *   <li>{@code kodedokter} and {@code jampraktek} of {@code POST antrean}, when sent, must be the poli's that day;
 *       {@code norm} is read for its type only (the patient is known by the card).</li>
 *   <li>Where this differs from the open implementations (SIMRS Khanza, mLITE) on purpose:
 *       {@code docs/MOBILEJKN-CONTRACT.md}.</li>
 * </ul>
 *
 * <p>All the protocol's strings are in {@link id.antrean.mobilejkn.ContractMessages}.
 */
package id.antrean.mobilejkn;
