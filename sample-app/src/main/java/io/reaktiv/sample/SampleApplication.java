package io.reaktiv.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The sample service: each backend use case of the Python reaktiv description, as a Spring Boot web service on
 * reaktiv-spring-boot-starter, one package per use case, with a live graph page at {@code /}.
 *
 * <p>Run with {@code mvn -q install -DskipTests && mvn -q -pl sample-app spring-boot:run}, or
 * {@code java -jar sample-app/target/sample-app-*.jar}; the walkthrough ({@code WALKTHROUGH.md}) lists the curl
 * calls per use case.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SampleApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot command-line arguments, such as {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
