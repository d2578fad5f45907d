package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Http;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Managing users and roles through the API as staff would: the password policy, unique e-mail
 * addresses, a token's owner who must choose a new password, the limits of delegation, the last
 * Super Administrator, and the audit log's before and after of each change. Sign-in throttling and
 * unlocking are in SignInThrottlingSystemIT.
 */
@SystemTest
class UserAdministrationSystemIT {

    private static Api admin;

    @BeforeAll
    static void signIn() {
        admin = Api.admin().withToken();
    }

    @Test
    void aWeakPasswordIsRefusedOnItsOwnField() {
        HttpResponse<String> common =
                admin.post("/api/v1/users", user(unique("weak"), "password1234", "Administrator"));
        HttpResponse<String> tooShort =
                admin.post("/api/v1/users", user(unique("short"), "Stalls-4a", "Administrator"));

        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(onlyError(common))
                .containsEntry("field", "password")
                .extractingByKey("message")
                .asString()
                .contains("most common");
        assertThat(onlyError(tooShort))
                .containsEntry("field", "password")
                .extractingByKey("message")
                .asString()
                .contains("at least 12 characters");
    }

    @Test
    void anEMailAddressBelongsToOneAccountWhateverItsCase() {
        String first = unique("first");
        String second = unique("second");
        long firstId = create(admin, first, "Orchestra Stalls Row 3", false, "Administrator");
        long secondId = create(admin, second, "Orchestra Stalls Row 4", false, "Administrator");
        String taken = first + "@example.org";

        HttpResponse<String> createdWithIt = admin.post(
                "/api/v1/users/partners",
                Json.createObjectBuilder()
                        .add("username", unique("partner"))
                        .add("displayName", "Same Address Ltd")
                        .add("email", taken.toUpperCase())
                        .add("password", "Touring Company 99")
                        .build());
        HttpResponse<String> changedToIt = admin.put(
                "/api/v1/users/" + secondId,
                Json.createObjectBuilder()
                        .add("displayName", second)
                        .add("email", " " + taken.replace("first", "FIRST") + " ")
                        .build());
        HttpResponse<String> keptOwn = admin.put(
                "/api/v1/users/" + firstId,
                Json.createObjectBuilder()
                        .add("displayName", "First, renamed")
                        .add("email", taken.toUpperCase())
                        .build());

        assertThat(createdWithIt.statusCode()).isEqualTo(400);
        assertThat(onlyError(createdWithIt))
                .containsEntry("field", "email")
                .extractingByKey("message")
                .asString()
                .contains("Another user already has");
        assertThat(changedToIt.statusCode()).isEqualTo(400);
        assertThat(onlyError(changedToIt)).containsEntry("field", "email");
        assertThat(admin.json(admin.get("/api/v1/users/" + secondId)).getString("email"))
                .as("nothing half-saved")
                .isEqualTo(second + "@example.org");
        assertThat(keptOwn.statusCode())
                .as("one's own address in other capitals")
                .isEqualTo(200);
    }

    @Test
    void aTokenOfSomeoneWhosePasswordStaffSetReachesOnlyTheirOwnAccount() {
        String username = unique("tokened");
        long id = create(admin, username, "Revolving Stage Left 5", false, "Administrator");
        Api token = Api.as(username, "Revolving Stage Left 5").withToken();
        assertThat(token.get("/api/v1/api-tokens").statusCode()).isEqualTo(200);

        HttpResponse<String> set = admin.put(
                "/api/v1/users/" + id + "/password",
                Json.createObjectBuilder()
                        .add("password", "Handed Over Today 2026")
                        .add("mustChangePassword", true)
                        .build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        HttpResponse<String> refused = token.get("/api/v1/api-tokens");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Http.json(refused).getString("detail")).contains("/api/v1/me/password");
        assertThat(token.get("/api/v1/me").statusCode()).isEqualTo(200);
        HttpResponse<String> changed = token.put(
                "/api/v1/me/password",
                Json.createObjectBuilder()
                        .add("currentPassword", "Handed Over Today 2026")
                        .add("newPassword", "Chosen By Myself At Last")
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(token.get("/api/v1/api-tokens").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorCannotReachBeyondTheRolesTheyMayAssign() {
        String username = unique("admin");
        String password = "Proscenium Arch 1902";
        create(admin, username, password, false, "Administrator");
        Api administrator = Api.as(username, password).withToken();
        long superAdministrator = idOf("admin");

        HttpResponse<String> superUser = administrator.post(
                "/api/v1/users", user(unique("climber"), "Orchestra Pit 2026", "Super Administrator"));
        HttpResponse<String> takeOver = administrator.put(
                "/api/v1/users/" + superAdministrator + "/password",
                Json.createObjectBuilder()
                        .add("password", "I own this now 2026")
                        .build());
        HttpResponse<String> disable = administrator.post("/api/v1/users/" + superAdministrator + "/disable", "{}");
        HttpResponse<String> role = administrator.post("/api/v1/roles", role(unique("Mine"), false, "VIEW_AUDIT_LOG"));

        assertThat(superUser.statusCode()).isEqualTo(403);
        assertThat(Http.json(superUser).getString("detail")).contains("Super Administrator");
        assertThat(takeOver.statusCode()).isEqualTo(403);
        assertThat(disable.statusCode()).isEqualTo(403);
        assertThat(role.statusCode()).as("Administrators do not make roles").isEqualTo(403);
        assertThat(Api.parseArray(administrator
                                .get("/api/v1/users/assignable-roles")
                                .body())
                        .toString())
                .contains("Administrator", "Collect Reports")
                .doesNotContain("Super Administrator");
    }

    @Test
    void theExternalUserShortcutMakesAPartnerWhoChoosesTheirOwnPassword() {
        String username = unique("promoter");
        HttpResponse<String> withoutEmail = admin.post(
                "/api/v1/users/partners",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", "Northern Promotions")
                        .add("password", "Touring Company 88")
                        .build());
        assertThat(withoutEmail.statusCode()).isEqualTo(400);
        assertThat(onlyError(withoutEmail)).containsEntry("field", "email");

        HttpResponse<String> created = admin.post(
                "/api/v1/users/partners",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", "Northern Promotions")
                        .add("email", username + "@promoter.example")
                        .add("password", "Touring Company 88")
                        .add("roles", Json.createArrayBuilder().add("Super Administrator"))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject partner = admin.json(created);
        assertThat(partner.getJsonArray("roles").toString()).isEqualTo("[\"Collect Reports\"]");
        assertThat(partner.getBoolean("partner")).isTrue();
        assertThat(partner.getBoolean("mustChangePassword")).isTrue();

        String basic = Http.basic(username, "Touring Company 88");
        HttpResponse<String> before = Http.get("/api/v1/api-tokens", basic);
        assertThat(before.statusCode()).isEqualTo(403);
        assertThat(Http.json(before).getString("detail")).contains("/api/v1/me/password");
        assertThat(Http.json(Http.get("/api/v1/me", basic)).getBoolean("mustChangePassword"))
                .isTrue();

        HttpResponse<String> changed = Http.send(
                Http.request("/api/v1/me/password")
                        .header("Authorization", basic)
                        .header("Content-Type", "application/json")
                        .PUT(
                                java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "{\"currentPassword\": \"Touring Company 88\", \"newPassword\": \"Matinee and Evening Shows\"}")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        String after = Http.basic(username, "Matinee and Evening Shows");
        assertThat(Http.get("/api/v1/api-tokens", after).statusCode()).isEqualTo(200);
        assertThat(Http.get("/api/v1/me", basic).statusCode())
                .as("the old password")
                .isEqualTo(401);
    }

    @Test
    void aRoleManagerGrantsOnlyWhatTheyHoldThemselves() {
        String keeperRole = unique("Role keeper");
        assertThat(admin.post("/api/v1/roles", role(keeperRole, false, "MANAGE_ROLES", "VIEW_AUDIT_LOG"))
                        .statusCode())
                .isEqualTo(201);
        String username = unique("keeper");
        create(admin, username, "Fly Tower Rigging 5", false, keeperRole);
        Api keeper = Api.as(username, "Fly Tower Rigging 5").withToken();

        HttpResponse<String> fine = keeper.post("/api/v1/roles", role(unique("Auditors"), false, "VIEW_AUDIT_LOG"));
        HttpResponse<String> escalation = keeper.post("/api/v1/roles", role(unique("Users"), false, "MANAGE_USERS"));
        HttpResponse<String> manageAll = keeper.post("/api/v1/roles", role(unique("All"), true, "VIEW_AUDIT_LOG"));
        long ownRole = roleId(keeperRole);
        HttpResponse<String> ownRoleChange = keeper.put(
                "/api/v1/roles/" + ownRole, role(keeperRole, false, "MANAGE_ROLES", "VIEW_AUDIT_LOG", "MANAGE_USERS"));

        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(201);
        assertThat(escalation.statusCode()).isEqualTo(403);
        assertThat(Http.json(escalation).getString("detail")).contains("Manage Users");
        assertThat(manageAll.statusCode()).isEqualTo(403);
        assertThat(ownRoleChange.statusCode()).isEqualTo(403);
    }

    @Test
    void theLastEnabledSuperAdministratorKeepsTheRoleAndStaysEnabled() {
        String username = unique("owner");
        long id = create(admin, username, "Box Office Returns 9", false, "Super Administrator");
        Api owner = Api.as(username, "Box Office Returns 9").withToken();
        List<Long> others = enabledSuperAdministrators().stream()
                .filter(other -> other != id)
                .toList();
        try {
            others.forEach(other -> assertThat(owner.post("/api/v1/users/" + other + "/disable", "{}")
                            .statusCode())
                    .isEqualTo(200));

            HttpResponse<String> demote = owner.put(
                    "/api/v1/users/" + id,
                    Json.createObjectBuilder()
                            .add("displayName", "Owner")
                            .add("roles", Json.createArrayBuilder().add("Administrator"))
                            .build());
            HttpResponse<String> disableSelf = owner.post("/api/v1/users/" + id + "/disable", "{}");

            assertThat(demote.statusCode()).isEqualTo(409);
            assertThat(Http.json(demote).getString("detail")).contains("last enabled Super Administrator");
            assertThat(disableSelf.statusCode()).isEqualTo(409);
            assertThat(owner.json(owner.get("/api/v1/users/" + id))
                            .getJsonArray("roles")
                            .toString())
                    .contains("Super Administrator");
        } finally {
            others.forEach(other -> assertThat(owner.post("/api/v1/users/" + other + "/enable", "{}")
                            .statusCode())
                    .isEqualTo(200));
        }
        assertThat(enabledSuperAdministrators()).containsAll(others);
    }

    @Test
    void changesAreAuditedWithWhoWhenWhereBeforeAndAfter() {
        String username = unique("renamed");
        long id = create(admin, username, "Dress Circle Seats 3", false, "Administrator");

        HttpResponse<String> renamed = admin.put(
                "/api/v1/users/" + id,
                Json.createObjectBuilder()
                        .add("displayName", "Renamed Person")
                        .add("email", username + "@example.org")
                        .add(
                                "roles",
                                Json.createArrayBuilder().add("Administrator").add("Collect Reports"))
                        .build());
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

        JsonObject line = auditActions("user.update", id, null).get(0);
        assertThat(line.getString("actor")).isEqualTo("admin");
        assertThat(line.getString("remoteAddress")).isNotBlank();
        assertThat(line.getString("occurredAt")).isNotBlank();
        assertThat(line.getJsonObject("before").getString("displayName")).isEqualTo(username);
        assertThat(line.getJsonObject("after").getString("displayName")).isEqualTo("Renamed Person");
        assertThat(line.getJsonObject("after").getJsonArray("roles").toString()).contains("Collect Reports");
        assertThat(line.toString()).doesNotContain("PBKDF2");

        JsonObject settings = admin.json(admin.get("/api/v1/settings"));
        int lifetime = settings.getInt("linkLifetimeDays");
        HttpResponse<String> changed = admin.put(
                "/api/v1/settings",
                Json.createObjectBuilder(settings)
                        .add("linkLifetimeDays", lifetime + 1)
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        admin.put("/api/v1/settings", settings);
        JsonObject settingsLine = admin.json(admin.get("/api/v1/audit?action=settings.update&size=2"))
                .getJsonArray("items")
                .getJsonObject(1);
        assertThat(settingsLine.getJsonObject("before").getInt("linkLifetimeDays"))
                .isEqualTo(lifetime);
        assertThat(settingsLine.getJsonObject("after").getInt("linkLifetimeDays"))
                .isEqualTo(lifetime + 1);
    }

    @Test
    void settingsAreValidatedFieldByField() {
        HttpResponse<String> bad = admin.put(
                "/api/v1/settings",
                Json.createObjectBuilder()
                        .add("clientName", " ")
                        .add("timeZone", "Mars/Olympus")
                        .add("fromAddress", "not-an-address")
                        .add("attachmentLimitBytes", 10)
                        .add("linkLifetimeDays", 0)
                        .add("fileRetentionDays", 99999)
                        .build());

        assertThat(bad.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        Http.json(bad)
                .getJsonArray("errors")
                .forEach(error -> fields.add(error.asJsonObject().getString("field")));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "clientName",
                        "timeZone",
                        "fromAddress",
                        "attachmentLimitBytes",
                        "linkLifetimeDays",
                        "fileRetentionDays");
    }

    @Test
    void disablingAUserStopsTheirTokensAndEnablingRestoresThem() {
        String username = unique("disabled");
        long id = create(admin, username, "Stage Door Keeper 4", false, "Administrator");
        Api user = Api.as(username, "Stage Door Keeper 4").withToken();
        assertThat(user.get("/api/v1/me").statusCode()).isEqualTo(200);

        assertThat(admin.post("/api/v1/users/" + id + "/disable", "{}").statusCode())
                .isEqualTo(200);
        assertThat(user.get("/api/v1/me").statusCode()).isEqualTo(401);

        assertThat(admin.post("/api/v1/users/" + id + "/enable", "{}").statusCode())
                .isEqualTo(200);
        assertThat(user.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    private static long create(Api api, String username, String password, boolean mustChange, String role) {
        JsonObject body = Json.createObjectBuilder(user(username, password, role))
                .add("mustChangePassword", mustChange)
                .build();
        HttpResponse<String> created = api.post("/api/v1/users", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.json(created).getJsonNumber("id").longValue();
    }

    private static JsonObject user(String username, String password, String role) {
        return Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", username)
                .add("email", username + "@example.org")
                .add("password", password)
                .add("roles", Json.createArrayBuilder().add(role))
                .build();
    }

    private static JsonObject role(String name, boolean manageAll, String... permissions) {
        JsonArrayBuilder granted = Json.createArrayBuilder();
        for (String permission : permissions) {
            granted.add(permission);
        }
        return Json.createObjectBuilder()
                .add("name", name)
                .add("permissions", granted)
                .add("manageAllRoles", manageAll)
                .build();
    }

    private static long roleId(String name) {
        for (JsonValue role : Api.parseArray(admin.get("/api/v1/roles").body())) {
            if (role.asJsonObject().getString("name").equals(name)) {
                return role.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("no role " + name);
    }

    private static long idOf(String username) {
        JsonObject page = admin.json(admin.get("/api/v1/users?q=" + username + "&size=200"));
        for (JsonValue user : page.getJsonArray("items")) {
            if (user.asJsonObject().getString("username").equals(username)) {
                return user.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static List<Long> enabledSuperAdministrators() {
        List<Long> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonObject answer = admin.json(admin.get("/api/v1/users?enabled=true&size=200&page=" + page));
            answer.getJsonArray("items").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(user -> user.getJsonArray("roles").toString().contains("Super Administrator"))
                    .forEach(user -> ids.add(user.getJsonNumber("id").longValue()));
            if ((page + 1) * 200L >= answer.getJsonNumber("total").longValue()) {
                return ids;
            }
        }
    }

    private static List<JsonObject> auditActions(String action, long userId, String actor) {
        String query = "/api/v1/audit?action=" + action + "&targetType=user&targetId=" + userId;
        List<JsonObject> lines = new ArrayList<>();
        admin.json(admin.get(query)).getJsonArray("items").forEach(line -> lines.add(line.asJsonObject()));
        if (actor != null) {
            admin.json(admin.get("/api/v1/audit?action=" + action + "&actor=" + actor))
                    .getJsonArray("items")
                    .forEach(line -> lines.add(line.asJsonObject()));
        }
        return lines;
    }

    private static java.util.Map<String, Object> onlyError(HttpResponse<String> response) {
        JsonObject error = Http.json(response).getJsonArray("errors").getJsonObject(0);
        return java.util.Map.of("field", error.getString("field"), "message", error.getString("message"));
    }

    private static String unique(String prefix) {
        return prefix.toLowerCase().replace(' ', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
