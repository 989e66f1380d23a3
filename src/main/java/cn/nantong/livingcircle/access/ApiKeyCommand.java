package cn.nantong.livingcircle.access;

import java.io.PrintStream;

import cn.nantong.livingcircle.api.ApiException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The key administration command, for the first admin key and for operators without GraphQL at hand:
 * {@code java -jar app.jar --circle.keys.issue=ADMIN --circle.keys.name=ops} prints a new key (to standard output,
 * never to the log) and exits; {@code --circle.keys.list=true} lists the keys, {@code --circle.keys.revoke=<id>}
 * revokes one. Runs after the migrations and before any data loading; exit code 0, or 1 with the reason.
 */
@Component
@Order(1)
class ApiKeyCommand implements ApplicationRunner {

    private final ApiKeys keys;
    private final KeyCommand command;
    private final ConfigurableApplicationContext context;

    ApiKeyCommand(ApiKeys keys, KeyCommand command, ConfigurableApplicationContext context) {
        this.keys = keys;
        this.command = command;
        this.context = context;
    }

    /**
     * @param issue                   tier of a key to issue (DEVELOPER, PARTNER, ADMIN); empty = none
     * @param name                    holder of the key to issue
     * @param registeredDocumentsOnly limit the issued key to registered documents
     * @param list                    list the keys (revoked ones too)
     * @param revoke                  id of a key to revoke; empty = none
     */
    @ConfigurationProperties("circle.keys")
    record KeyCommand(@DefaultValue("") String issue, @DefaultValue("") String name,
            @DefaultValue("false") boolean registeredDocumentsOnly, @DefaultValue("false") boolean list,
            @DefaultValue("") String revoke) {

        boolean requested() {
            return !issue.isBlank() || list || !revoke.isBlank();
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!command.requested()) {
            return;
        }
        int code = execute(keys, command, System.out, System.err);
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }

    /** Runs {@code command}: 0 when done, 1 with the reason on {@code err}. */
    static int execute(ApiKeys keys, KeyCommand command, PrintStream out, PrintStream err) {
        try {
            if (!command.issue().isBlank()) {
                ApiKeyStore.IssuedKey issued = keys.issue(command.name(), command.issue(),
                        command.registeredDocumentsOnly());
                out.println("Issued " + issued.apiKey().tier() + " key " + issued.apiKey().id() + " ("
                        + issued.apiKey().name() + "). It is shown only now; only its SHA-256 is stored:");
                out.println(issued.key());
            }
            if (!command.revoke().isBlank()) {
                ApiKey revoked = keys.revoke(command.revoke().strip());
                out.println("Revoked key " + revoked.id() + " (" + revoked.name() + ") at " + revoked.revokedAt());
            }
            if (command.list()) {
                out.printf("%-12s  %-9s  %-25s  %-27s  %s%n", "id", "tier", "name", "created", "revoked");
                for (ApiKey key : keys.list(true)) {
                    out.printf("%-12s  %-9s  %-25s  %-27s  %s%n", key.id(), key.tier(), key.name(), key.createdAt(),
                            key.revokedAt() == null ? "-" : key.revokedAt());
                }
            }
            return 0;
        }
        catch (ApiException ex) {
            err.println(ex.getMessage());
            return 1;
        }
    }
}
