package cn.nantong.livingcircle;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The living-circle GraphQL API: one process, by default with Neo4j embedded. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LivingCircleApplication {

    public static void main(String[] args) {
        SpringApplication.run(LivingCircleApplication.class, commandArguments(args));
    }

    /**
     * A one-off command ({@code --circle.keys.*}) runs beside a server that may be up: on free ports, so the two do
     * not collide (with the embedded database the server must be stopped, it holds the store's lock).
     */
    static String[] commandArguments(String[] args) {
        if (Arrays.stream(args).noneMatch(arg -> arg.startsWith("--circle.keys."))) {
            return args;
        }
        String[] withPorts = Arrays.copyOf(args, args.length + 2);
        withPorts[args.length] = "--server.port=0";
        withPorts[args.length + 1] = "--management.server.port=0";
        return withPorts;
    }
}
