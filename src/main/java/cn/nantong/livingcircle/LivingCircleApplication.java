package cn.nantong.livingcircle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The living-circle GraphQL API: one process, by default with Neo4j embedded. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LivingCircleApplication {

    public static void main(String[] args) {
        SpringApplication.run(LivingCircleApplication.class, args);
    }
}
