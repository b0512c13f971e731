package dev.posctl.cli;

import java.util.List;

/** The key columns tables show; JSON and YAML always carry everything. */
final class Views {
    static final List<String> POSITIONS = List.of("id|ID", "detail.jobTitle|JOB TITLE", "detail.company.displayName|COMPANY",
        "detail.startMonthYear|START", "detail.endMonthYear|END", "isCurrent|CURRENT", "allowedAudiences|AUDIENCE");
    static final List<String> RESULTS = List.of("user|USER", "id|ID", "status|STATUS", "httpStatus|HTTP", "changed|CHANGED",
        "position.detail.jobTitle|JOB TITLE", "error|ERROR");
    static final List<String> CHANGES = List.of("user|USER", "id|ID", "path|FIELD", "current|CURRENT", "new|NEW");

    private Views() {}
}
