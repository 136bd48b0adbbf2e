package id.antrean.booking;

import id.antrean.facility.Service;

/** A service with what booking needs: its BPJS poli code and quotas. */
public record Poli(Service service, String bpjsCode, Integer dailyQuota, Integer jknQuota) {
}
