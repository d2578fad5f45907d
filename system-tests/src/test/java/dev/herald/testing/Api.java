package dev.herald.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON calls to the deployed API as one user. */
public final class Api {

    private final String baseUrl;
    private final String authorization;

    private Api(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static Api as(String username, String password) {
        return new Api(HeraldServer.get().baseUrl(), Http.basic(username, password));
    }

    /**
     * The same user with a fresh API token instead of a password: cheap to check on every call
     * (a password is a deliberately slow PBKDF2 verification), so right for many calls in a row.
     */
    public Api withToken() {
        HttpResponse<String> created = post("/api/v1/api-tokens", "{\"name\": \"system test\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not make a token: " + created.body());
        }
        return new Api(baseUrl, "Bearer " + json(created).getString("secret"));
    }

    /** The same user against another instance. */
    public Api at(String otherBaseUrl) {
        return new Api(otherBaseUrl, authorization);
    }

    /** No credentials at all. */
    public static Api anonymous() {
        return new Api(HeraldServer.get().baseUrl(), null);
    }

    /** Any method, with an optional JSON body; no Authorization header when anonymous. */
    public HttpResponse<String> call(String method, String path, String json) {
        return call(method, path, json, null);
    }

    /** Any method, with an optional JSON body and an optional If-Match header. */
    public HttpResponse<String> call(String method, String path, String json, String ifMatch) {
        HttpRequest.Builder request = Http.request(baseUrl, path)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return Http.send(request);
    }

    public static Api admin() {
        return as("admin", HeraldServer.ADMIN_PASSWORD);
    }

    public HttpResponse<String> get(String path) {
        return Http.get(baseUrl, path, authorization);
    }

    public HttpResponse<String> post(String path, String json) {
        return Http.send(Http.request(baseUrl, path)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with more headers, given as name, value, name, value … */
    public HttpResponse<String> postWithHeaders(String path, String json, String... headers) {
        return Http.send(withHeaders(path, json, headers));
    }

    /** A POST with more headers whose answer may be a file. */
    public HttpResponse<byte[]> postForFileWithHeaders(String path, String json, String... headers) {
        return Http.sendForBytes(withHeaders(path, json, headers));
    }

    private HttpRequest.Builder withHeaders(String path, String json, String... headers) {
        HttpRequest.Builder request = Http.request(baseUrl, path)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** A POST whose answer is a file. */
    public HttpResponse<byte[]> postForFile(String path, String json) {
        return Http.sendForBytes(Http.request(baseUrl, path)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> post(String path, JsonObject json) {
        return post(path, json.toString());
    }

    public HttpResponse<String> put(String path, JsonObject json) {
        return Http.send(Http.request(baseUrl, path)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.toString())));
    }

    public HttpResponse<String> delete(String path) {
        return Http.send(Http.request(baseUrl, path)
                .header("Authorization", authorization)
                .DELETE());
    }

    /** A PUT made against a version: {@code ifMatch} is sent as If-Match as it is (null sends none). */
    public HttpResponse<String> put(String path, JsonObject json, String ifMatch) {
        HttpRequest.Builder request = Http.request(baseUrl, path)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.toString()));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return Http.send(request);
    }

    /** A DELETE made against a version: {@code ifMatch} is sent as If-Match as it is (null sends none). */
    public HttpResponse<String> delete(String path, String ifMatch) {
        HttpRequest.Builder request = Http.request(baseUrl, path)
                .header("Authorization", authorization)
                .DELETE();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return Http.send(request);
    }

    /** The ETag a GET of the path answers now. */
    public String etag(String path) {
        HttpResponse<String> read = get(path);
        return read.headers()
                .firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException(
                        "GET " + path + " answered " + read.statusCode() + " without an ETag: " + read.body()));
    }

    /** What a careful client does: read the ETag, then PUT against it. */
    public HttpResponse<String> putCurrent(String path, JsonObject json) {
        return put(path, json, etag(path));
    }

    /** What a careful client does: read the ETag, then DELETE against it. */
    public HttpResponse<String> deleteCurrent(String path) {
        return delete(path, etag(path));
    }

    public JsonObject json(HttpResponse<String> response) {
        return Http.json(response);
    }

    public static jakarta.json.JsonArray parseArray(String json) {
        try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(json))) {
            return reader.readArray();
        }
    }

    public static JsonObject parse(String json) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject();
        }
    }
}
