package cn.nantong.livingcircle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.nantong.livingcircle.api.ApiException.ErrorCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** The README is part of the contract: every setting and every error code the code has is documented there. */
class ReadmeContractTests {

    private static final Path README = Path.of("README.md");

    @Test
    void everyCircleConfigurationKeyIsInTheReadmeConfigurationTable() throws Exception {
        Set<String> keys = configurationKeys();
        assertThat(keys).as("keys found in the @ConfigurationProperties records").hasSizeGreaterThan(20);
        String table = section("## Configuration");
        assertThat(keys).allSatisfy(key -> assertThat(table).as("README configuration table").contains("`" + key + "`"));
    }

    @Test
    void theReadmeConfigurationTableNamesNoCircleKeyTheCodeDoesNotHave() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`(circle\\.[a-z0-9.-]+)`").matcher(section("## Configuration"));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).isSubsetOf(configurationKeys());
    }

    @Test
    void everyErrorCodeTheApiEmitsIsInTheReadmeErrorTableAndNoOther() throws Exception {
        Set<String> emitted = Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\|").matcher(section("## Error codes"));
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).isEqualTo(emitted);
    }

    /** Keys of every {@code circle.*} {@code @ConfigurationProperties} record: prefix + each component in kebab case. */
    static Set<String> configurationKeys() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> keys = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("cn.nantong.livingcircle")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
            if (!prefix.startsWith("circle.")) {
                continue;
            }
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            for (var component : type.getRecordComponents()) {
                keys.add(prefix + "." + kebab(component.getName()));
            }
        }
        return keys;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The README text from {@code heading} to the next heading of the same or a higher level. */
    static String section(String heading) throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README has a section '" + heading + "'").isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = readme.indexOf("\n" + level, start + heading.length() + 2);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
