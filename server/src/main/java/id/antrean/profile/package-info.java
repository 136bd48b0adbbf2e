/**
 * A facility's own data beyond its queues: operators create facilities ({@code POST /api/v1/facilities}), and a
 * facility's admin or an operator edits its profile — name, address, phone, logo, ticket footer, kiosk idle time,
 * languages ({@code GET/PUT /api/v1/facilities/{facility}/profile}, the logo at {@code …/profile/logo}).
 */
package id.antrean.profile;
