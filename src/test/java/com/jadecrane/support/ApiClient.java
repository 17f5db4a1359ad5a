package com.jadecrane.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;

/**
 * A browser-like client of the real HTTP stack: keeps cookies, echoes the {@code XSRF-TOKEN}
 * cookie in {@code X-XSRF-TOKEN} as the admin UI does (unless told not to).
 */
public final class ApiClient {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private boolean sendCsrfHeader = true;

    public ApiClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public ApiClient withoutCsrfHeader() {
        sendCsrfHeader = false;
        return this;
    }

    public ApiClient login(String username, String password) {
        Response response = post("/api/auth/login", Json.object("username", username, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("Sign-in of " + username + " failed: " + response);
        }
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A download, body as bytes (a workbook, a PDF). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (sendCsrfHeader) {
            csrfToken().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
        }
        return builder;
    }

    public Optional<String> csrfToken() {
        if (cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().equals("XSRF-TOKEN"))) {
            // the first request of a fresh client fetches the cookie, as the UI does on load
            try {
                http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/me")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            catch (IOException | InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst();
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    /** An HTTP answer with JSON-path access to its body. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public <T> T json(String path) {
            return JsonPath.read(raw.body(), path);
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
