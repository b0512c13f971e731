package dev.posctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo tenant the README's examples use. The ids and values are part of the documentation:
 * change them only together with the README.
 */
final class DemoData {
    static final String ADELE_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    static final String ALEX_ID = "b2f7c0a1-2c1e-4f6e-9d3a-1a2b3c4d5e6f";
    static final String MEGAN_ID = "5bde3e51-d13b-4db1-9948-fe4b109d11a7";
    static final String ADELE_CURRENT = "7dc1f91d-f91d-7dc1-1df9-c17d1df9c17d";
    static final String ADELE_PAST = "2f7b3c1e-5d6a-4b8c-9e0f-1a2b3c4d5e6f";
    static final String ALEX_CURRENT = "6a3f2b1c-0d9e-4f8a-b7c6-d5e4f3a2b1c0";
    static final String MEGAN_CURRENT = "c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f";

    private static final String CREATED = "2025-11-03T09:15:00Z";
    private static final String MODIFIED = "2025-12-01T16:40:00Z";

    private DemoData() {}

    static SandboxData build() {
        SandboxData d = new SandboxData();
        SandboxData.User adele = d.add(ADELE_ID, "adele@contoso.com", "Adele Vance");
        put(adele, position(ADELE_CURRENT, "Product Manager", "PM", "L62", "Contoso", "Product", "Building 18",
            "2021-03-01", null, true, "product"));
        put(adele, position(ADELE_PAST, "Program Manager", null, null, "Fabrikam", null, null,
            "2017-06-01", "2021-02-01", false, null));
        SandboxData.User alex = d.add(ALEX_ID, "alex@contoso.com", "Alex Wilber");
        put(alex, position(ALEX_CURRENT, "Staff Engineer", null, null, "Contoso", "Engineering", null,
            "2019-09-01", null, true, null));
        SandboxData.User megan = d.add(MEGAN_ID, "megan@contoso.com", "Megan Bowen");
        put(megan, position(MEGAN_CURRENT, "Marketing Manager", null, null, "Contoso", "Marketing", null,
            "2020-01-01", null, true, null));
        return d;
    }

    private static void put(SandboxData.User u, ObjectNode p) {
        u.positions.put(p.get("id").asText(), p);
    }

    private static ObjectNode position(String id, String jobTitle, String role, String level, String company,
                                       String department, String office, String start, String end,
                                       boolean current, String category) {
        ObjectNode p = Json.object();
        p.put("id", id);
        p.put("allowedAudiences", "organization");
        p.put("isCurrent", current);
        ObjectNode detail = p.putObject("detail");
        detail.put("jobTitle", jobTitle);
        if (role != null) {
            detail.put("role", role);
        }
        if (level != null) {
            detail.put("level", level);
        }
        ObjectNode c = detail.putObject("company");
        c.put("displayName", company);
        if (department != null) {
            c.put("department", department);
        }
        if (office != null) {
            c.put("officeLocation", office);
        }
        if ("Contoso".equals(company) && ADELE_CURRENT.equals(id)) {
            ObjectNode address = c.putObject("address");
            address.put("city", "Redmond");
            address.put("state", "WA");
            address.put("countryOrRegion", "United States");
        }
        detail.put("startMonthYear", start);
        if (end != null) {
            detail.put("endMonthYear", end);
        }
        if (category != null) {
            p.putArray("categories").add(category);
        } else {
            p.putArray("categories");
        }
        p.put("createdDateTime", CREATED);
        p.set("createdBy", SandboxStore.actor());
        p.put("lastModifiedDateTime", MODIFIED);
        p.set("lastModifiedBy", SandboxStore.actor());
        return p;
    }
}
