package dev.posctl.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data of the model: every type and property of section 2 of the shared reference. */
final class WorkPositionModel {
    private final Map<String, Type> types = new LinkedHashMap<>();
    private static final Type STRING = Type.scalar(Kind.STRING);
    private static final Type BOOLEAN = Type.scalar(Kind.BOOLEAN);
    private static final Type INT32 = Type.scalar(Kind.INT32);
    private static final Type DOUBLE = Type.scalar(Kind.DOUBLE);
    private static final Type DATE = Type.scalar(Kind.DATE);
    private static final Type DATE_TIME = Type.scalar(Kind.DATE_TIME);

    private WorkPositionModel() {}

    static Schema build() {
        return new WorkPositionModel().define();
    }

    private Schema define() {
        Type audiences = enumeration("allowedAudiences", true,
            "Who can see the item; a flags enum, so members may be combined with commas.",
            "me", "family", "contacts", "groupMembers", "organization", "federatedOrganizations",
            "everyone", "unknownFutureValue");
        Type relationship = enumeration("personRelationship", false,
            "How a related person relates to the user.",
            "manager", "colleague", "directReport", "dotLineReport", "assistant", "dotLineManager",
            "alternateContact", "friend", "spouse", "sibling", "child", "parent", "sponsor",
            "emergencyContact", "other", "unknownFutureValue");
        Type addressType = enumeration("physicalAddressType", false, "The kind of a postal address.",
            "unknown", "home", "business", "other");

        Type address = object("physicalAddress", false, "A postal address.");
        prop(address, "city", STRING, "The city.");
        prop(address, "countryOrRegion", STRING, "The country or region; a free-format string.");
        prop(address, "postalCode", STRING, "The postal code.");
        prop(address, "postOfficeBox", STRING, "The post office box number.");
        prop(address, "state", STRING, "The state or province.");
        prop(address, "street", STRING, "The street.");
        prop(address, "type", addressType, "The kind of address.");

        Type company = object("companyDetail", false, "The company or organization of a position.");
        add(company, "displayName", STRING, false, false, "The company name; required whenever company is sent.");
        prop(company, "address", address, "The company's address.");
        prop(company, "department", STRING, "The department within the company.");
        prop(company, "officeLocation", STRING, "The office or building.");
        prop(company, "pronunciation", STRING, "How to pronounce the company name.");
        prop(company, "webUrl", STRING, "The company's web site.");
        prop(company, "companyCode", STRING, "The company code, for multi-company organizations.");
        prop(company, "secondaryDepartment", STRING, "A second department.");
        prop(company, "costCenter", STRING, "The cost center.");
        prop(company, "division", STRING, "The division.");

        Type detail = object("positionDetail", false, "The details of a position: title, company, dates.");
        prop(detail, "company", company, "The company the position is at.");
        prop(detail, "description", STRING, "A description of the position.");
        add(detail, "endMonthYear", DATE, true, false, "When the position ended: a full YYYY-MM-DD date.",
            "end", "endDate", "endMonth");
        add(detail, "jobTitle", STRING, true, false, "The job title.", "title", "job", "jobtitle");
        prop(detail, "role", STRING, "The role the person had.");
        add(detail, "startMonthYear", DATE, true, false, "When the position started: a full YYYY-MM-DD date.",
            "start", "startDate", "startMonth");
        prop(detail, "summary", STRING, "A summary of the position.");
        prop(detail, "level", STRING, "The level of the position.");
        prop(detail, "layer", INT32, "The layer of the position in the organization.");
        prop(detail, "secondaryJobTitle", STRING, "A second job title.");
        prop(detail, "secondaryRole", STRING, "A second role.");
        prop(detail, "employeeId", STRING, "The employee id.");
        prop(detail, "employeeType", STRING, "The employee type (for example full time, contractor).");

        Type person = object("relatedPerson", false, "A person related to the user.");
        prop(person, "displayName", STRING, "The person's name.");
        prop(person, "relationship", relationship, "How the person relates to the user.");
        prop(person, "userPrincipalName", STRING, "The person's user principal name.");
        prop(person, "userId", STRING, "The person's user object id.");

        Type inference = object("inferenceData", false, "How sure the service is of an inferred item.");
        prop(inference, "confidenceScore", DOUBLE, "Confidence from 0 to 1.");
        prop(inference, "userHasVerifiedAccuracy", BOOLEAN, "Whether the user confirmed the item.");

        Type identity = object("identity", true, "An actor: a user, an application or a device.");
        prop(identity, "displayName", STRING, "The actor's display name.");
        prop(identity, "id", STRING, "The actor's id.");

        Type identitySet = object("identitySet", true, "The user, application and device behind a change.");
        prop(identitySet, "application", identity, "The application.");
        prop(identitySet, "device", identity, "The device.");
        prop(identitySet, "user", identity, "The user.");

        Type sources = object("personDataSources", false, "Where the item came from.");
        prop(sources, "type", Type.collection(STRING), "The source types.");

        Type annotation = object("profileSourceAnnotation", false, "A source of profile data.");
        prop(annotation, "sourceId", STRING, "The id of the source.");
        prop(annotation, "isDefaultSource", BOOLEAN, "Whether this is the default source.");
        prop(annotation, "properties", Type.collection(STRING), "The properties that come from this source.");

        Type position = object("workPosition", false, "A position a person holds or held: job title, company, dates.");
        add(position, "id", STRING, true, true, "The position's id; assigned by the service, names the position to update.");
        add(position, "allowedAudiences", audiences, true, false, "Who can see the position.", "audience", "audiences");
        prop(position, "inference", inference, "Set when the service inferred the position.");
        add(position, "createdBy", identitySet, true, true, "Who created the position.");
        add(position, "createdDateTime", DATE_TIME, true, true, "When the position was created.");
        add(position, "lastModifiedBy", identitySet, true, true, "Who last changed the position.");
        add(position, "lastModifiedDateTime", DATE_TIME, true, true, "When the position last changed.");
        prop(position, "isSearchable", BOOLEAN, "Whether the position can be found in search.");
        prop(position, "source", sources, "Where the position came from; set on create only.");
        prop(position, "sources", Type.collection(annotation), "The sources of the position's data.");
        add(position, "categories", Type.collection(STRING), true, false, "Free-form categories; replaced whole.", "category");
        prop(position, "colleagues", Type.collection(person), "Colleagues in the position; replaced whole.");
        add(position, "detail", detail, false, false, "The position's details; may not be null.", "details");
        add(position, "isCurrent", BOOLEAN, true, false, "Whether the person holds the position now.", "current");
        prop(position, "manager", person, "The person's manager in the position.");

        Type edit = object("workPositionEdit", false,
            "One edit: a workPosition body plus the userId that addresses it.");
        add(edit, Schema.USER_ID, STRING, false, false,
            "The user whose position to change: object id, userPrincipalName or 'me'. Not sent.", "user", "upn");
        for (Property p : position.properties().values()) {
            edit.add(p);
        }
        return new Schema(types, position, edit);
    }

    private Type enumeration(String name, boolean flags, String description, String... members) {
        Type t = Type.enumeration(name, flags, description, List.of(members));
        types.put(name, t);
        return t;
    }

    private Type object(String name, boolean open, String description) {
        Type t = Type.object(name, open, description);
        types.put(name, t);
        return t;
    }

    private static void prop(Type owner, String name, Type type, String description) {
        add(owner, name, type, true, false, description);
    }

    private static void add(Type owner, String name, Type type, boolean nullable, boolean readOnly,
                            String description, String... synonyms) {
        owner.add(new Property(name, type, nullable, readOnly, description, List.of(synonyms)));
    }
}
