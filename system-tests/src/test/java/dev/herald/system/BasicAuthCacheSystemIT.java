package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic on the API remembers a right password for a minute (issue 20), and every change to the
 * account takes effect at the next request all the same: a new password, one set by staff, disabling,
 * roles, a role's permissions, a duty to change the password, and a change written to the database
 * by another instance (straight into the row, as another instance's EclipseLink writes it, so that
 * this instance hears nothing of it but the row). Each test first calls with the password, so that
 * the next call would be served from what was remembered.
 */
@SystemTest
class BasicAuthCacheSystemIT {

    /** Makes new passwords unlike any other (a password may not contain the user name). */
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 13);

    /** The administrator, with a token: its calls are not the ones under test. */
    private static Api admin;

    @BeforeAll
    static void admin() {
        admin = Api.admin().withToken();
    }

    @Test
    void basicWorksRepeatedlyAndAChosenPasswordRefusesTheOldOneAtOnce() {
        User ann = User.create("Collect Reports");
        for (int i = 0; i < 5; i++) {
            assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> changed = ann.api()
                .put(
                        "/api/v1/me/password",
                        Json.createObjectBuilder()
                                .add("currentPassword", ann.password())
                                .add("newPassword", "Chosen Again 2026 " + SUFFIX)
                                .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);

        assertThat(ann.api().get("/api/v1/me").statusCode())
                .as("the old password")
                .isEqualTo(401);
        Api renewed = Api.as(ann.username(), "Chosen Again 2026 " + SUFFIX);
        assertThat(renewed.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(renewed.get("/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(ann.api().get("/api/v1/me").statusCode())
                .as("still the old password")
                .isEqualTo(401);
    }

    @Test
    void aPasswordSetByStaffRefusesTheOldOneAtOnce() {
        User ann = User.create("Collect Reports");
        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(200);

        HttpResponse<String> set = admin.put(
                "/api/v1/users/" + ann.id() + "/password",
                Json.createObjectBuilder()
                        .add("password", "Handed Over 2026 " + SUFFIX)
                        .add("mustChangePassword", false)
                        .build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(Api.as(ann.username(), "Handed Over 2026 " + SUFFIX)
                        .get("/api/v1/me")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void disablingRefusesAtOnceAndEnablingLetsTheSamePasswordInAgain() {
        User ann = User.create("Collect Reports");
        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(200);

        assertThat(admin.post("/api/v1/users/" + ann.id() + "/disable", "{}").statusCode())
                .isEqualTo(200);
        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(401);

        assertThat(admin.post("/api/v1/users/" + ann.id() + "/enable", "{}").statusCode())
                .isEqualTo(200);
        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void theRolesAndTheirPermissionsFollowAtOnce() {
        User ann = User.create("Collect Reports");
        assertThat(roles(ann)).containsExactly("COLLECT_REPORTS");
        assertThat(ann.api().get("/api/v1/users").statusCode()).isEqualTo(403);

        ann.update(ann.state("Administrator", false));
        assertThat(roles(ann)).contains("STAFF", "MANAGE_USERS");
        assertThat(ann.api().get("/api/v1/users").statusCode()).isEqualTo(200);

        ann.update(ann.state("Collect Reports", false));
        assertThat(ann.api().get("/api/v1/users").statusCode()).isEqualTo(403);

        String roleName = "Auditors " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> role = admin.post("/api/v1/roles", role(roleName, "VIEW_AUDIT_LOG"));
        assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
        long roleId = admin.json(role).getJsonNumber("id").longValue();
        ann.update(ann.state(roleName, false));
        assertThat(ann.api().get("/api/v1/audit?size=1").statusCode()).isEqualTo(200);

        HttpResponse<String> narrowed = admin.put("/api/v1/roles/" + roleId, role(roleName, "VIEW_SCHEDULES"));
        assertThat(narrowed.statusCode()).as(narrowed.body()).isEqualTo(200);
        assertThat(ann.api().get("/api/v1/audit?size=1").statusCode())
                .as("the role no longer grants the audit log")
                .isEqualTo(403);
    }

    @Test
    void aDutyToChangeThePasswordTakesEffectAtOnce() {
        User ann = User.create("Collect Reports");
        assertThat(ann.api().get("/api/v1/api-tokens").statusCode()).isEqualTo(200);

        ann.update(ann.state("Collect Reports", true));

        HttpResponse<String> refused = ann.api().get("/api/v1/api-tokens");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(admin.json(refused).getString("detail")).contains("/api/v1/me/password");
        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeWrittenByAnotherInstanceIsSeenAtTheNextRequest() throws SQLException {
        User ann = User.create("Collect Reports");
        User bob = User.create("Collect Reports");
        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(200);

        write("UPDATE app_user SET enabled = FALSE, version = version + 1 WHERE id = ?", ann.id());
        assertThat(ann.api().get("/api/v1/me").statusCode())
                .as("disabled elsewhere")
                .isEqualTo(401);

        write("UPDATE app_user SET enabled = TRUE, version = version + 1 WHERE id = ?", ann.id());
        assertThat(ann.api().get("/api/v1/me").statusCode()).isEqualTo(200);

        // Ann's password is now Bob's, as a password change on another instance writes it.
        write(
                "UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE id = " + bob.id()
                        + "), version = version + 1 WHERE id = ?",
                ann.id());
        assertThat(ann.api().get("/api/v1/me").statusCode())
                .as("changed elsewhere: the old password")
                .isEqualTo(401);
        assertThat(Api.as(ann.username(), bob.password()).get("/api/v1/me").statusCode())
                .isEqualTo(200);
    }

    @Test
    void twelveSimultaneousCallsWithTheRightPasswordAllSucceedAndBlockNothing() throws Exception {
        User ann = User.create("Collect Reports");
        int calls = 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return ann.api().get("/api/v1/me").statusCode();
                }));
            }
            // Nothing is remembered for Ann yet: all of them arrive before any verification.
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(2, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).hasSize(calls).containsOnly(200);
        assertThat(ann.api().get("/api/v1/me").statusCode())
                .as("one more call: not blocked")
                .isEqualTo(200);
        assertThat(admin.json(admin.get("/api/v1/audit?action=user.blocked&targetType=user&targetId=" + ann.id()))
                        .getJsonArray("items"))
                .isEmpty();
        assertThat(admin.json(admin.get("/api/v1/audit?action=login&actor=" + ann.username()))
                        .getJsonArray("items"))
                .as("no sign-in refused or failed")
                .isEmpty();
        JsonObject seen = admin.json(admin.get("/api/v1/users/" + ann.id()));
        assertThat(seen.getBoolean("locked")).isFalse();
    }

    private static List<String> roles(User user) {
        HttpResponse<String> me = user.api().get("/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        return admin.json(me).getJsonArray("roles").getValuesAs(JsonString::getString);
    }

    private static JsonObject role(String name, String... permissions) {
        JsonArrayBuilder granted = Json.createArrayBuilder();
        for (String permission : permissions) {
            granted.add(permission);
        }
        return Json.createObjectBuilder()
                .add("name", name)
                .add("permissions", granted)
                .add("manageAllRoles", false)
                .build();
    }

    private static void write(String sql, long id) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** A user made by the administrator through the API: its password hashed as Herald hashes every one. */
    private record User(long id, String username, String password) {

        static User create(String role) {
            String username = "basic-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "Remembered Password " + UUID.randomUUID();
            HttpResponse<String> created = admin.post(
                    "/api/v1/users",
                    Json.createObjectBuilder()
                            .add("username", username)
                            .add("displayName", username)
                            .add("email", username + "@example.org")
                            .add("password", password)
                            .add("mustChangePassword", false)
                            .add("roles", Json.createArrayBuilder().add(role))
                            .build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return new User(admin.json(created).getJsonNumber("id").longValue(), username, password);
        }

        Api api() {
            return Api.as(username, password);
        }

        JsonObject state(String role, boolean mustChangePassword) {
            return Json.createObjectBuilder()
                    .add("displayName", username)
                    .add("email", username + "@example.org")
                    .add("enabled", true)
                    .add("mustChangePassword", mustChangePassword)
                    .add("roles", Json.createArrayBuilder().add(role))
                    .build();
        }

        void update(JsonObject state) {
            HttpResponse<String> updated = admin.put("/api/v1/users/" + id, state);
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        }
    }
}
