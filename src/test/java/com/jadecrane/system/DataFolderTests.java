package com.jadecrane.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.jadecrane.BackofficeApplication;
import com.jadecrane.support.ApiClient;
import com.jadecrane.support.Json;
import com.jadecrane.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application as the README's run command starts it: no database URL, so it runs its own
 * PostgreSQL in the data folder, creates the first admin, and keeps everything across restarts.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataFolderTests {

    private static final Pattern PRINTED_PASSWORD = Pattern.compile("shown only once\\):\\s+(\\S+)");

    @Test
    void firstStartCreatesAdminWithAPrintedPasswordAndDataSurvivesARestart(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "data-folder-tests")), "app-");
        String editor = "restart-editor";
        String adminPassword;

        try (ConfigurableApplicationContext app = start(dataDir)) {
            Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
            assertThat(printed.find()).as("the generated admin password is printed").isTrue();
            adminPassword = printed.group(1);
            ApiClient admin = new ApiClient(port(app)).login("admin", adminPassword);
            assertThat(admin.post("/api/admin/users", Json.object("username", editor, "password", TestUsers.PASSWORD,
                    "roles", List.of("EDITOR"))).status()).isEqualTo(201);
            assertThat(Files.isDirectory(dataDir.resolve("postgres"))).isTrue();
            ApiClient.Response health = admin.get("/management/health");
            assertThat(health.<String>json("$.status")).isEqualTo("UP");
            assertThat(health.<java.util.Map<String, String>>json("$.components.durableCommits.details.settings"))
                    .as("the embedded database is durable, unlike the library's test defaults")
                    .containsEntry("fsync", "on").containsEntry("synchronous_commit", "on").containsEntry("full_page_writes", "on");
        }

        int printedBefore = output.getOut().split("shown only once", -1).length;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(output.getOut().split("shown only once", -1).length)
                    .as("no second admin password on a database that has users").isEqualTo(printedBefore);
            ApiClient admin = new ApiClient(port(app)).login("admin", adminPassword);
            assertThat(admin.get("/api/admin/users?q=" + editor).<List<String>>json("$[*].username"))
                    .containsExactly(editor);
            ApiClient restartedEditor = new ApiClient(port(app)).login(editor, TestUsers.PASSWORD);
            assertThat(restartedEditor.get("/api/admin/users").status()).isEqualTo(403);
        }
    }

    @Test
    void aSecondInstanceOnTheSameFolderStopsWithAClearMessage() throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "data-folder-tests")), "lock-");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThatThrownBy(() -> start(dataDir).close())
                    .hasRootCauseInstanceOf(DataFolderInUseException.class)
                    .rootCause().hasMessageContaining(dataDir.toAbsolutePath().normalize().toString())
                    .hasMessageContaining("in use by another running Jade Crane instance");
        }
    }

    @Test
    void aDataFolderWhereTheLibraryCleansUpIsRefused() throws Exception {
        Path underLibrary = EmbeddedPostgresFolder.libraryWorkingDirectory().resolve("jadecrane-data-folder-test");

        assertThatThrownBy(() -> start(underLibrary).close())
                .rootCause().hasMessageContaining(underLibrary.resolve("postgres").toString())
                .hasMessageContaining("deletes folders it takes for its own left-overs");
        assertThat(underLibrary.resolve("postgres")).as("nothing started there").doesNotExist();
    }

    @Test
    void configuredAdminPasswordIsUsedAndNeverPrinted(CapturedOutput output) throws Exception {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "data-folder-tests")), "env-");
        String password = "configured-first-secret-81";
        try (ConfigurableApplicationContext app = start(dataDir, "--jadecrane.admin-password=" + password)) {
            assertThat(output.getOut()).doesNotContain(password).doesNotContain("shown only once");
            assertThat(new ApiClient(port(app)).login("admin", password).get("/api/auth/me").status()).isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extraArgs) {
        String[] args = new String[extraArgs.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--jadecrane.data-dir=" + dataDir;
        args[2] = "--jadecrane.scheduler.enabled=false";
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        return new SpringApplicationBuilder(BackofficeApplication.class).run(args);
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
