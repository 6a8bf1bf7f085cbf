package io.pitaj.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pitaj.activities.store.S3Settings;
import io.pitaj.models.systems.SystemCatalog;
import io.pitaj.worker.running.ClusterOptions;
import io.pitaj.workflows.PipelineOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The deployment files in {@code infra/} against the real CLI. Nothing there can be run on the development machines
 * (no Docker engine, no cluster), so this test is what keeps them honest: it parses the compose file, the Kubernetes
 * manifests, the Dockerfile and infra/README.md, and fails when a flag, an environment variable, a queue, a GPU
 * request or a secret reference drifts from what the code reads. Every pita command line found there is also parsed
 * by the CLI's own picocli model, so types, arities and required options are checked too.
 */
class InfraConsistencyTest {
    /** Extra variables the pita containers may carry beyond the ones the Java code reads: the image entrypoint reads it. */
    private static final String JAVA_OPTS = "PITA_JAVA_OPTS";
    /** The only variables the Dockerfile may set: where the JRE copied onto the CUDA base is. */
    private static final Set<String> DOCKERFILE_ENV = Set.of("JAVA_HOME", "PATH");
    private static final String JAR = "/opt/pita/pita.jar";
    /** Names that hold a secret (a _FILE variant holds a path, not a secret). */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|PASSWD|PWD|SECRET|TOKEN|ACCESS_KEY|ROOT_USER|PRIVATE|CREDENTIAL).*");
    /** Option names that would carry a secret on a command line. */
    private static final Pattern SECRET_OPTION = Pattern.compile("(?i).*(key|secret|password|passwd|token|credential).*");
    /** A compose reference to the calling environment without a literal default: ${X}, ${X:?msg} or ${X?msg}. */
    private static final Pattern COMPOSE_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:?\\?[^}]*)?}");
    private static final Pattern K8S_EXPANSION = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern PITA_IMAGE = Pattern.compile("(?:.+/)?pita-j(?::[^/@\\s]+)?(?:@sha256:[0-9a-f]{64})?");

    private static Path root, infra;
    private static SystemCatalog catalog;
    private static JsonNode compose;
    /** Each Kubernetes document, with the file it came from. */
    private static final List<Doc> k8s = new ArrayList<>();
    private static List<Instruction> dockerfile;
    private static String readme;

    record Doc(Path file, JsonNode node) {
        String where() { return infra.relativize(file) + " " + node.path("kind").asText() + " " + node.path("metadata").path("name").asText(); }
    }

    record Instruction(int line, String keyword, String rest) {}

    /** One pita command line: where it is, and the arguments after the jar. */
    record Invocation(String where, List<String> args) {}

    /** One option on a pita command line: the subcommand it belongs to ("pita worker"), its canonical name, its value (null for a flag). */
    record OptionUse(String where, String command, String option, String value) {}

    /**
     * A pita container in compose or Kubernetes, with its command line and environment (name to value, or to a
     * valueFrom node); {@code node} is the compose service or the Kubernetes container, {@code pod} the compose service
     * or the pod spec around the container.
     */
    record Container(String where, String name, String image, Invocation invocation, Map<String, JsonNode> env, JsonNode node, JsonNode pod) {
        List<OptionUse> options() { return optionsOf(invocation); }

        String option(String name) {
            return options().stream().filter(o -> o.option().equals(name)).map(OptionUse::value).reduce((a, b) -> b).orElse(null);
        }
    }

    @BeforeAll
    static void load() throws IOException {
        infra = Path.of(System.getProperty("user.dir")).resolve(Path.of("..", "infra")).normalize().toAbsolutePath();
        assertTrue(Files.isDirectory(infra), "infra/ not found at " + infra + ": the test runs in the worker module (user.dir "
                + System.getProperty("user.dir") + ") and expects the repository's infra/ beside it");
        root = infra.getParent();
        catalog = SystemCatalog.builtIn();
        YAMLMapper yaml = new YAMLMapper();
        List<Path> unknown = new ArrayList<>();
        for (Path f : yamlFiles()) {
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
                while (it.hasNext()) {
                    JsonNode n = it.next();
                    if (n != null && !n.isNull() && !n.isMissingNode()) docs.add(n);
                }
            } catch (IOException | RuntimeException e) {
                fail(infra.relativize(f) + " is not valid YAML: " + e.getMessage(), e);
            }
            Path rel = infra.relativize(f);
            if (rel.toString().equals("docker-compose.yml")) {
                assertEquals(1, docs.size(), "docker-compose.yml holds one document");
                compose = docs.get(0);
            } else if (rel.startsWith("k8s")) {
                for (JsonNode d : docs) k8s.add(new Doc(f, d));
            } else {
                unknown.add(rel);
            }
        }
        assertTrue(unknown.isEmpty(), "YAML files this test does not know how to check (teach it, or move them): " + unknown);
        assertNotNull(compose, "infra/docker-compose.yml is missing");
        assertFalse(k8s.isEmpty(), "infra/k8s/ holds no manifests");
        dockerfile = parseDockerfile(infra.resolve("Dockerfile"));
        readme = Files.readString(infra.resolve("README.md"), StandardCharsets.UTF_8);
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(infra)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the checks

    @Test
    void everyPitaCommandLineUsesRealOptionsAndParses() {
        List<Invocation> all = new ArrayList<>();
        composeContainers().forEach(c -> all.add(c.invocation()));
        k8sContainers().forEach(c -> all.add(c.invocation()));
        all.add(dockerfileCmd());
        List<Invocation> documented = readmeInvocations();
        all.addAll(documented);
        assertTrue(documented.size() >= 3, "README.md shows how to start workers and submit a run: " + documented);
        assertTrue(documented.stream().anyMatch(i -> i.args().get(0).equals("run")), "README.md shows a pita run against a cluster");

        for (Invocation inv : all) {
            assertFalse(inv.args().isEmpty(), inv.where() + ": an empty pita command line");
            optionsOf(inv); // fails naming the first unknown option and the subcommand it was given to
            try {
                PitaCli.commandLine(catalog).parseArgs(inv.args().toArray(String[]::new));
            } catch (ParameterException e) {
                fail(inv.where() + ": the CLI rejects '" + String.join(" ", inv.args()) + "': " + e.getMessage());
            }
        }
    }

    @Test
    void pitaContainersSetOnlyTheVariablesTheCodeReads() {
        Set<String> canonical = canonicalVariables();
        for (Container c : composeContainers()) {
            for (String name : c.env().keySet()) {
                assertTrue(canonical.contains(name) || name.equals(JAVA_OPTS),
                        c.where() + " sets " + name + ", which pita does not read; the variables are " + canonical + " and " + JAVA_OPTS);
            }
            assertTrue(c.env().keySet().containsAll(Set.of(S3Settings.ACCESS_KEY, S3Settings.SECRET_KEY)),
                    c.where() + " gets the S3 credentials: " + c.env().keySet());
        }
        for (Container c : k8sContainers()) {
            String args = String.join(" ", c.invocation().args());
            Set<String> expanded = new TreeSet<>();
            Matcher m = K8S_EXPANSION.matcher(String.join(" ", rawArgs(c.node())));
            while (m.find()) expanded.add(m.group(1));
            for (String v : expanded) {
                assertTrue(c.env().containsKey(v), c.where() + ": args expand $(" + v + "), which the container's env does not define");
            }
            for (Map.Entry<String, JsonNode> e : c.env().entrySet()) {
                String name = e.getKey();
                boolean configValueForArgs = expanded.contains(name) && e.getValue().has("configMapKeyRef");
                assertTrue(canonical.contains(name) || name.equals(JAVA_OPTS) || configValueForArgs, c.where() + " sets " + name
                        + ", which pita does not read (the variables are " + canonical + " and " + JAVA_OPTS
                        + "; other names are allowed only for ConfigMap values the args expand)");
            }
            assertTrue(c.env().keySet().containsAll(Set.of(S3Settings.ACCESS_KEY, S3Settings.SECRET_KEY))
                            || c.env().keySet().containsAll(Set.of(S3Settings.ACCESS_KEY_FILE, S3Settings.SECRET_KEY_FILE)),
                    c.where() + " gets the S3 credentials: " + c.env().keySet() + " (args " + args + ")");
        }
        for (Instruction i : instructions("ENV")) {
            for (String name : envNames(i.rest())) {
                assertTrue(DOCKERFILE_ENV.contains(name), "Dockerfile line " + i.line() + " sets " + name + "; the image sets only " + DOCKERFILE_ENV
                        + " (the JRE's place), everything else comes from the container's environment at run time");
            }
        }
        // the entrypoint is what reads PITA_JAVA_OPTS in a container
        assertTrue(entrypointScript().contains("$" + JAVA_OPTS), "the ENTRYPOINT passes $" + JAVA_OPTS + " to java");
        // the README names only real variables
        Matcher m = Pattern.compile("\\bPITA_[A-Z0-9_]+").matcher(readme);
        while (m.find()) {
            assertTrue(canonical.contains(m.group()) || m.group().equals(JAVA_OPTS), "README.md mentions " + m.group() + ", which pita does not read");
        }
        assertTrue(readme.contains(ClusterOptions.TEMPORAL_CERT) && readme.contains(ClusterOptions.TEMPORAL_KEY) && readme.contains(ClusterOptions.TEMPORAL_CA)
                && readme.contains(S3Settings.CA_FILE), "README.md documents the TLS variables");
    }

    @Test
    void noFileHoldsALiteralSecret() throws IOException {
        // compose: every secret-looking variable of every service is a reference to the calling environment
        for (Iterator<Map.Entry<String, JsonNode>> it = compose.path("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> s = it.next();
            assertTrue(s.getValue().path("env_file").isMissingNode(), "service " + s.getKey() + ": no env_file (its names and values cannot be checked)");
            composeEnvironment(s.getValue()).forEach((name, value) -> {
                if (!isSecretName(name)) return;
                String v = value.isNull() ? null : value.asText();
                assertTrue(v == null || COMPOSE_REFERENCE.matcher(v).matches(), "compose service " + s.getKey() + ": " + name + " must be a ${VARIABLE} "
                        + "reference without a default, not '" + v + "'");
            });
        }
        // the compose workers sign in to the compose MinIO with the variables MinIO's root user is made of
        JsonNode minio = compose.path("services").path("minio");
        if (!minio.isMissingNode()) {
            Map<String, JsonNode> m = composeEnvironment(minio);
            for (Container c : composeContainers()) {
                if (!"minio".equals(URI.create(c.option("--s3")).getHost())) continue;
                assertEquals(referenced(m.get("MINIO_ROOT_USER")), referenced(c.env().get(S3Settings.ACCESS_KEY)), c.where() + ": access key is MinIO's user");
                assertEquals(referenced(m.get("MINIO_ROOT_PASSWORD")), referenced(c.env().get(S3Settings.SECRET_KEY)), c.where() + ": secret key is MinIO's");
            }
        }
        // Kubernetes: secrets only through secretKeyRef, to a Secret that README.md creates (or a placeholder manifest)
        Map<String, Set<String>> secrets = secretsAvailable();
        for (Container c : k8sContainers()) {
            assertTrue(c.node().path("envFrom").isMissingNode(), c.where() + ": no envFrom (its variable names cannot be checked)");
            c.env().forEach((name, from) -> {
                if (isSecretName(name)) {
                    assertTrue(from.has("secretKeyRef"), c.where() + ": " + name + " must come from a Secret (valueFrom.secretKeyRef), not " + from);
                }
                if (from.has("secretKeyRef")) {
                    String secret = from.path("secretKeyRef").path("name").asText(), key = from.path("secretKeyRef").path("key").asText();
                    assertTrue(secrets.getOrDefault(secret, Set.of()).contains(key), c.where() + ": " + name + " reads key '" + key + "' of Secret '" + secret
                            + "', which neither README.md's kubectl create secret nor a manifest provides: " + secrets);
                }
            });
        }
        for (Doc d : k8s) {
            if (!d.node().path("kind").asText().equals("Secret")) continue;
            for (String field : List.of("data", "stringData")) {
                d.node().path(field).fields().forEachRemaining(e -> assertTrue(e.getValue().asText().matches("(?i)<?\\s*REPLACE[^>]*>?"),
                        d.where() + ": " + field + "." + e.getKey() + " must be a placeholder such as <REPLACE-ME>, not a value"));
            }
        }
        // the Dockerfile bakes no secret in
        for (Instruction i : dockerfile) {
            if (i.keyword().equals("ARG") || i.keyword().equals("ENV")) {
                for (String name : i.keyword().equals("ARG") ? List.of(i.rest().split("=", 2)[0].trim()) : envNames(i.rest())) {
                    assertFalse(isSecretName(name) || name.startsWith("PITA_"), "Dockerfile line " + i.line() + " bakes " + name + " into the image");
                }
            }
            if (i.keyword().equals("COPY") || i.keyword().equals("ADD")) {
                assertFalse(i.rest().matches("(?i).*(\\.pem|\\.key|secret|credential).*"), "Dockerfile line " + i.line() + " copies a secret: " + i.rest());
            }
        }
        // no option carries a secret, on any command line, nor does the CLI offer one
        List<Invocation> all = new ArrayList<>(readmeInvocations());
        composeContainers().forEach(c -> all.add(c.invocation()));
        k8sContainers().forEach(c -> all.add(c.invocation()));
        Set<String> credentialVariables = Set.of(S3Settings.ACCESS_KEY, S3Settings.SECRET_KEY);
        for (Invocation inv : all) {
            for (OptionUse o : optionsOf(inv)) {
                assertFalse(SECRET_OPTION.matcher(o.option()).matches(), o.where() + ": " + o.option() + " looks like it carries a secret");
                if (o.value() == null) continue;
                for (String v : credentialVariables) assertFalse(o.value().contains(v), o.where() + ": " + o.option() + " is given " + v);
                if (o.value().matches("(?i)https?://.*")) {
                    assertNull(URI.create(o.value()).getUserInfo(), o.where() + ": " + o.option() + " carries credentials in its URL");
                }
            }
        }
        for (String command : List.of("worker", "run")) {
            for (OptionSpec o : subcommand(command).options()) {
                for (String n : o.names()) assertFalse(SECRET_OPTION.matcher(n).matches(), "'pita " + command + " " + n + "' would put a secret on a command line");
            }
        }
        // and nothing that looks like a key is in any file
        try (Stream<Path> files = Files.walk(infra)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(text.matches("(?s).*-----BEGIN [A-Z ]*PRIVATE KEY-----.*"), infra.relativize(f) + " holds a private key");
                assertFalse(text.matches("(?s).*\\bAKIA[0-9A-Z]{16}\\b.*"), infra.relativize(f) + " holds an AWS access key id");
                assertFalse(text.contains("minioadmin"), infra.relativize(f) + " holds MinIO's default credentials");
            }
        }
    }

    @Test
    void queuesAreCpuAndGpuAndTheGpuWorkerGetsAGpu() {
        assertEquals("pita-cpu", PipelineOptions.CPU_QUEUE, "--queue cpu serves the task queue pita-cpu");
        assertEquals("pita-gpu", PipelineOptions.GPU_QUEUE, "--queue gpu serves the task queue pita-gpu");
        Map<String, String> composeBuildCpu = null;
        Map<String, List<Container>> groups = Map.of("docker-compose.yml", composeContainers(), "k8s/", k8sContainers());
        for (Map.Entry<String, List<Container>> g : groups.entrySet()) {
            List<Container> group = g.getValue();
            Set<String> queues = new TreeSet<>();
            for (Container c : group) {
                List<String> args = c.invocation().args();
                assertEquals("worker", args.get(0), c.where() + " runs pita worker");
                String queue = c.option("--queue");
                assertTrue("cpu".equals(queue) || "gpu".equals(queue), c.where() + ": --queue is cpu or gpu, not " + queue);
                assertTrue(queues.add(queue), c.where() + ": a second definition of the " + queue + " pool");
                assertTrue(c.name().endsWith("-" + queue), c.where() + " is named after its queue (…-" + queue + ")");
                boolean gpu = queue.equals("gpu");
                assertEquals(gpu, "cuda".equals(c.option("--device")), c.where() + ": --device cuda exactly on the gpu queue");
                assertEquals(gpu, requestsGpu(c), c.where() + (gpu ? " must request a GPU" : " must not request a GPU"));
                assertEquals(gpu, imageTag(c.image()).contains("cuda"), c.where() + ": the gpu worker, and only it, runs the cuda image: " + c.image());
                if (c.where().startsWith("docker-compose")) {
                    Map<String, String> build = buildArgs(c.node());
                    assertEquals(gpu ? "cuda" : null, build.get("MAVEN_PROFILE"), c.where() + ": built with the Maven profile cuda exactly for gpu");
                    String base = resolveArg("BASE_IMAGE", build);
                    assertEquals(gpu, base.matches("nvidia/cuda:12\\.[0-9.]+-cudnn-runtime-.*"), c.where() + ": the gpu image is built on"
                            + " nvidia/cuda:12.x-cudnn-runtime, the cpu one not: " + base);
                    if (!gpu) composeBuildCpu = build;
                }
                if (gpu && c.where().startsWith("k8s")) {
                    JsonNode pod = c.pod();
                    assertTrue(pod.has("nodeSelector") || pod.has("tolerations") || pod.has("affinity"),
                            c.where() + ": the gpu pool shows where GPU nodes are (nodeSelector, tolerations or affinity)");
                }
            }
            assertEquals(Set.of("cpu", "gpu"), queues, "both pools, and only they, are defined in " + g.getKey());
        }
        assertNotNull(composeBuildCpu);
        assertTrue(resolveArg("BASE_IMAGE", composeBuildCpu).matches("eclipse-temurin:17[0-9._]*-jre.*"), "the cpu image is on eclipse-temurin 17 jre");
        // compose workers talk to the compose servers
        Set<String> services = fieldNames(compose.path("services"));
        for (Container c : composeContainers()) {
            String temporal = c.option("--temporal");
            assertTrue(services.contains(temporal.substring(0, temporal.indexOf(':'))) && temporal.endsWith(":7233"), c.where() + ": --temporal " + temporal);
            URI s3 = URI.create(c.option("--s3"));
            assertTrue(services.contains(s3.getHost()) && s3.getPort() == 9000, c.where() + ": --s3 " + s3);
        }
    }

    @Test
    void dockerfileBuildsBothImagesFromOneFile() throws IOException {
        List<Instruction> froms = instructions("FROM");
        assertTrue(froms.size() >= 2, "a multi-stage build");
        assertTrue(froms.get(0).rest().matches("maven:3\\.(9|8\\.[7-9])[0-9.]*-eclipse-temurin-17 +(?i:AS) +build"), "the build stage: " + froms.get(0).rest());
        Map<String, String> globals = globalArgs();
        assertTrue(globals.containsKey("BASE_IMAGE"), "a BASE_IMAGE build argument chooses the runtime base");
        assertTrue(globals.get("BASE_IMAGE").matches("eclipse-temurin:17[0-9._]*-jre.*"), "BASE_IMAGE defaults to eclipse-temurin 17 jre");
        assertTrue(froms.get(froms.size() - 1).rest().matches("\\$\\{?BASE_IMAGE}?"), "the runtime stage is FROM ${BASE_IMAGE}");
        List<String> stageArgs = instructions("ARG").stream().filter(i -> i.line() > froms.get(0).line()).map(i -> i.rest().split("=", 2)[0].trim()).toList();
        assertTrue(stageArgs.contains("MAVEN_PROFILE"), "the build stage takes a MAVEN_PROFILE argument");
        String build = instructions("RUN").stream().map(Instruction::rest).filter(r -> r.contains("mvn ")).findFirst()
                .orElseThrow(() -> new AssertionError("the build stage runs no mvn"));
        for (String part : List.of("-B", "-ntp", "-DskipTests", "-pl worker -am package", "${MAVEN_PROFILE:+-P$MAVEN_PROFILE}")) {
            assertTrue(build.contains(part), "the build runs " + part + ": " + build);
        }
        // the jar the build makes is the one the entrypoint runs
        String pom = Files.readString(root.resolve("worker/pom.xml"), StandardCharsets.UTF_8);
        assertTrue(pom.contains("<finalName>pita</finalName>"), "worker/pom.xml shades into pita.jar");
        assertTrue(build.contains("worker/target/pita.jar"), "the build stage picks up worker/target/pita.jar");
        assertTrue(instructions("COPY").stream().anyMatch(i -> i.rest().matches("--from=build +\\S*pita\\.jar +" + Pattern.quote(JAR))), "the jar is copied to " + JAR);
        assertTrue(instructions("COPY").stream().anyMatch(i -> i.rest().matches("--from=\\S+ +/opt/java/openjdk +/opt/java/openjdk")),
                "a JRE is copied in, so that the CUDA base gets one");
        // non-root
        List<Instruction> users = instructions("USER");
        assertFalse(users.isEmpty(), "the image sets a USER");
        String user = users.get(users.size() - 1).rest().split(":")[0];
        assertTrue(user.matches("[1-9][0-9]*"), "the image runs as a numeric non-root uid (runAsNonRoot can check it), not " + user);
        // the entrypoint: java with exactly the launcher's JVM flags, PITA_JAVA_OPTS, the jar, then the container's arguments
        JsonNode entry = jsonForm(last("ENTRYPOINT"));
        assertEquals(List.of("/bin/sh", "-c"), List.of(entry.get(0).asText(), entry.get(1).asText()), "the ENTRYPOINT runs through sh -c");
        String launcher = Files.readString(root.resolve("pita"), StandardCharsets.UTF_8);
        Matcher flags = Pattern.compile("exec \"\\$java\" (.*?) \\$\\{PITA_JAVA_OPTS").matcher(launcher);
        assertTrue(flags.find(), "the ./pita launcher runs java with its JVM flags before ${PITA_JAVA_OPTS}");
        assertTrue(flags.group(1).contains("--add-opens="), "the launcher opens java.nio for Arrow");
        String script = entrypointScript();
        assertTrue(script.matches("exec java " + Pattern.quote(flags.group(1)) + " \\$PITA_JAVA_OPTS -jar " + Pattern.quote(JAR) + " \"\\$@\""),
                "the ENTRYPOINT runs 'exec java " + flags.group(1) + " $PITA_JAVA_OPTS -jar " + JAR + " \"$@\"', not: " + script);
        // every build argument compose passes is one the Dockerfile declares, and the build points at this Dockerfile
        Set<String> declared = instructions("ARG").stream().map(i -> i.rest().split("=", 2)[0].trim()).collect(Collectors.toSet());
        for (Container c : composeContainers()) {
            JsonNode b = c.node().path("build");
            assertTrue(b.isObject(), c.where() + " says how to build its image");
            Path context = infra.resolve(b.path("context").asText(".")).normalize();
            assertEquals(root, context, c.where() + ": the build context is the repository root");
            assertEquals(infra.resolve("Dockerfile"), context.resolve(b.path("dockerfile").asText("Dockerfile")).normalize(), c.where() + ": builds infra/Dockerfile");
            for (String arg : buildArgs(c.node()).keySet()) {
                assertTrue(declared.contains(arg), c.where() + " passes build argument " + arg + ", which the Dockerfile does not declare");
            }
        }
        assertTrue(Files.isRegularFile(infra.resolve("Dockerfile.dockerignore")), "the build context (the repository root) has its ignore file beside the Dockerfile");
    }

    @Test
    void imageTagsArePinned() {
        List<String> images = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(s -> {
            if (s.getValue().has("image")) images.add("compose service " + s.getKey() + "=" + s.getValue().path("image").asText());
            Map<String, String> args = buildArgs(s.getValue());
            if (args.containsKey("BASE_IMAGE")) images.add("compose service " + s.getKey() + " BASE_IMAGE=" + args.get("BASE_IMAGE"));
        });
        for (Doc d : k8s) {
            JsonNode pod = podSpecOf(d.node());
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : pod.path(list)) images.add(d.where() + " " + c.path("name").asText() + "=" + c.path("image").asText());
            }
        }
        Map<String, String> globals = globalArgs();
        for (Instruction i : instructions("FROM")) {
            String image = substitute(i.rest().split("\\s+")[0], globals);
            images.add("Dockerfile line " + i.line() + "=" + image);
        }
        assertTrue(images.size() >= 8, "found the images: " + images);
        Set<String> stages = instructions("FROM").stream().map(i -> i.rest().split("\\s+")).filter(p -> p.length == 3).map(p -> p[2]).collect(Collectors.toSet());
        for (String entry : images) {
            String image = entry.substring(entry.lastIndexOf('=') + 1);
            if (stages.contains(image)) continue;
            String tag = imageTag(image);
            assertFalse(tag.isEmpty() || tag.equals("latest"), entry + ": pin the image tag (or digest)");
        }
        String syntax = readLines(infra.resolve("Dockerfile")).get(0);
        if (syntax.startsWith("# syntax=")) assertTrue(syntax.matches("# syntax=docker/dockerfile:1\\.[0-9]+.*"), "the syntax directive is pinned to a minor: " + syntax);
    }

    @Test
    void kubernetesManifestsReferToEachOther() {
        List<Doc> namespaces = k8s.stream().filter(d -> d.node().path("kind").asText().equals("Namespace")).toList();
        assertEquals(1, namespaces.size(), "one Namespace manifest");
        String ns = namespaces.get(0).node().path("metadata").path("name").asText();
        assertTrue(namespaces.get(0).file().getFileName().toString().compareTo(k8s.stream().filter(d -> d != namespaces.get(0))
                .map(d -> d.file().getFileName().toString()).min(String::compareTo).orElse("~")) < 0, "the Namespace file sorts first, so kubectl apply -f k8s/ works");
        for (Doc d : k8s) {
            assertTrue(d.node().has("apiVersion") && d.node().has("kind"), d.where() + " has apiVersion and kind");
            if (d != namespaces.get(0)) assertEquals(ns, d.node().path("metadata").path("namespace").asText(), d.where() + " is in namespace " + ns);
            if (d.node().path("kind").asText().equals("Deployment")) {
                JsonNode selector = d.node().path("spec").path("selector").path("matchLabels");
                JsonNode labels = d.node().path("spec").path("template").path("metadata").path("labels");
                selector.fields().forEachRemaining(e -> assertEquals(e.getValue(), labels.path(e.getKey()), d.where() + ": the selector matches the pod labels"));
                assertFalse(selector.isEmpty(), d.where() + " has a selector");
            }
        }
        Set<String> names = k8sContainers().stream().map(Container::name).collect(Collectors.toSet());
        assertEquals(Set.of("pita-worker-cpu", "pita-worker-gpu"), names, "the worker Deployments");
        Map<String, JsonNode> configMaps = new LinkedHashMap<>();
        for (Doc d : k8s) {
            if (d.node().path("kind").asText().equals("ConfigMap")) configMaps.put(d.node().path("metadata").path("name").asText(), d.node());
        }
        for (Container c : k8sContainers()) {
            c.env().forEach((name, from) -> {
                if (!from.has("configMapKeyRef")) return;
                JsonNode cm = configMaps.get(from.path("configMapKeyRef").path("name").asText());
                assertNotNull(cm, c.where() + ": " + name + " reads a ConfigMap that infra/k8s does not define: " + from);
                assertTrue(cm.path("data").has(from.path("configMapKeyRef").path("key").asText()), c.where() + ": " + name + " reads a missing key: " + from);
            });
            assertTrue(c.node().path("command").isMissingNode(), c.where() + ": args only; a command would replace the image's entrypoint and its JVM flags");
        }
        Matcher kubectl = Pattern.compile("kubectl (?:-n|--namespace)[ =](\\S+) create secret").matcher(readme);
        while (kubectl.find()) assertEquals(ns, kubectl.group(1), "README.md creates the Secret in namespace " + ns);
    }

    @Test
    void readmeDescribesEveryFile() throws IOException {
        try (Stream<Path> files = Files.walk(infra)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = infra.relativize(f).toString().replace('\\', '/');
                if (rel.equals("README.md")) continue;
                assertTrue(readme.contains("| `" + rel + "` |"), "README.md's table describes " + rel);
            }
        }
        Matcher m = Pattern.compile("\\| `([^`]+)` \\|").matcher(readme);
        while (m.find()) assertTrue(Files.isRegularFile(infra.resolve(m.group(1))), "README.md describes " + m.group(1) + ", which does not exist");
        assertTrue(readme.contains("./pita run --preset aldp --temporal HOST:7233 --s3 http://HOST:9000"), "README.md shows the laptop submission");
        assertTrue(readme.contains("InfraConsistencyTest") && readme.toLowerCase(Locale.ROOT).contains("no docker engine"),
                "README.md says that nothing here is exercised, only parsed");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the pita containers

    private static List<Container> composeContainers() {
        List<Container> out = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(s -> {
            JsonNode svc = s.getValue();
            boolean pita = svc.has("build") || PITA_IMAGE.matcher(svc.path("image").asText()).matches();
            if (!pita) return;
            String where = "docker-compose.yml service " + s.getKey();
            assertTrue(PITA_IMAGE.matcher(svc.path("image").asText()).matches(), where + " is tagged as the pita-j image: " + svc.path("image"));
            assertTrue(svc.path("entrypoint").isMissingNode(), where + ": no entrypoint; it would replace the image's and its JVM flags");
            JsonNode cmd = svc.path("command");
            List<String> args = cmd.isArray() ? texts(cmd) : commands(cmd.asText()).stream().findFirst().orElse(List.of());
            out.add(new Container(where, s.getKey(), svc.path("image").asText(), new Invocation(where, args), composeEnvironment(svc), svc, svc));
        });
        assertFalse(out.isEmpty(), "docker-compose.yml runs pita workers");
        return out;
    }

    private static List<Container> k8sContainers() {
        List<Container> out = new ArrayList<>();
        for (Doc d : k8s) {
            JsonNode pod = podSpecOf(d.node());
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : pod.path(list)) {
                    if (!PITA_IMAGE.matcher(c.path("image").asText()).matches()) continue;
                    String where = d.where() + " container " + c.path("name").asText();
                    Map<String, JsonNode> env = new LinkedHashMap<>();
                    for (JsonNode e : c.path("env")) {
                        String name = e.path("name").asText();
                        assertTrue(e.has("value") ^ e.has("valueFrom"), where + ": env " + name + " has a value or a valueFrom");
                        assertNull(env.put(name, e.has("value") ? e.get("value") : e.get("valueFrom")), where + ": env " + name + " is set twice");
                    }
                    List<String> args = new ArrayList<>();
                    for (String a : rawArgs(c)) args.add(expand(a, env, where));
                    out.add(new Container(where, d.node().path("metadata").path("name").asText(), c.path("image").asText(), new Invocation(where, args), env, c, pod));
                }
            }
        }
        assertFalse(out.isEmpty(), "infra/k8s runs pita workers");
        return out;
    }

    private static List<String> rawArgs(JsonNode container) {
        List<String> out = new ArrayList<>(texts(container.path("command")));
        out.addAll(texts(container.path("args")));
        return out;
    }

    /** {@code $(NAME)} expanded the way the kubelet does, from literal values and ConfigMap keys. */
    private static String expand(String arg, Map<String, JsonNode> env, String where) {
        Matcher m = K8S_EXPANSION.matcher(arg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode from = env.get(m.group(1));
            String value = "$(" + m.group(1) + ")";
            if (from != null && from.isValueNode()) value = from.asText();
            else if (from != null && from.has("configMapKeyRef")) value = configValue(from.path("configMapKeyRef"), where);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private static String configValue(JsonNode ref, String where) {
        for (Doc d : k8s) {
            if (d.node().path("kind").asText().equals("ConfigMap") && d.node().path("metadata").path("name").asText().equals(ref.path("name").asText())) {
                JsonNode v = d.node().path("data").path(ref.path("key").asText());
                if (!v.isMissingNode()) return v.asText();
            }
        }
        throw new AssertionError(where + ": no ConfigMap in infra/k8s provides " + ref);
    }

    private static JsonNode podSpecOf(JsonNode doc) {
        JsonNode spec = doc.path("spec");
        return switch (doc.path("kind").asText()) {
            case "Pod" -> spec;
            case "CronJob" -> spec.path("jobTemplate").path("spec").path("template").path("spec");
            default -> spec.path("template").path("spec");
        };
    }

    private static boolean requestsGpu(Container c) {
        if (c.where().startsWith("docker-compose")) {
            for (JsonNode dev : c.node().path("deploy").path("resources").path("reservations").path("devices")) {
                if (texts(dev.path("capabilities")).contains("gpu")) return true;
            }
            return c.node().has("gpus") || "nvidia".equals(c.node().path("runtime").asText());
        }
        JsonNode limits = c.node().path("resources").path("limits");
        return limits.path("nvidia.com/gpu").asInt(0) >= 1;
    }

    private static Map<String, JsonNode> composeEnvironment(JsonNode service) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue()));
        } else {
            for (JsonNode item : e) {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length == 2 ? new ObjectMapper().getNodeFactory().textNode(kv[1]) : new ObjectMapper().getNodeFactory().nullNode());
            }
        }
        return env;
    }

    private static Map<String, String> buildArgs(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode a = service.path("build").path("args");
        if (a.isObject()) {
            a.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        } else {
            for (JsonNode item : a) {
                String[] kv = item.asText().split("=", 2);
                out.put(kv[0], kv.length == 2 ? kv[1] : null);
            }
        }
        return out;
    }

    /** The variable a compose value ${X...} refers to. */
    private static String referenced(JsonNode value) {
        assertNotNull(value, "a credential is set");
        Matcher m = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(value.asText());
        assertTrue(m.find(), "a ${...} reference: " + value);
        return m.group(1);
    }

    /** Secret name to its keys: those README.md's kubectl create secret commands make, and placeholder Secret manifests. */
    private static Map<String, Set<String>> secretsAvailable() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (List<String> cmd : readmeCommands()) {
            int i = indexOfSequence(cmd, List.of("create", "secret", "generic"));
            if (!cmd.isEmpty() && cmd.get(0).equals("kubectl") && i >= 0 && i + 3 < cmd.size()) {
                Set<String> keys = out.computeIfAbsent(cmd.get(i + 3), k -> new TreeSet<>());
                for (String t : cmd) {
                    Matcher m = Pattern.compile("--from-(?:literal|file)=(.+)").matcher(t);
                    if (!m.matches()) continue;
                    String spec = m.group(1);
                    keys.add(spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName().toString());
                    assertFalse(t.startsWith("--from-literal"), "README.md puts a secret on a command line (shell history): " + t + "; use --from-file");
                }
            }
        }
        for (Doc d : k8s) {
            if (!d.node().path("kind").asText().equals("Secret")) continue;
            Set<String> keys = out.computeIfAbsent(d.node().path("metadata").path("name").asText(), k -> new TreeSet<>());
            keys.addAll(fieldNames(d.node().path("data")));
            keys.addAll(fieldNames(d.node().path("stringData")));
        }
        return out;
    }

    private static Set<String> canonicalVariables() {
        return new TreeSet<>(List.of(S3Settings.ACCESS_KEY, S3Settings.ACCESS_KEY_FILE, S3Settings.SECRET_KEY, S3Settings.SECRET_KEY_FILE,
                S3Settings.CA_FILE, ClusterOptions.TEMPORAL_CERT, ClusterOptions.TEMPORAL_KEY, ClusterOptions.TEMPORAL_CA));
    }

    private static boolean isSecretName(String name) {
        return !name.endsWith("_FILE") && SECRET_NAME.matcher(name).matches();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the CLI model

    private static CommandSpec subcommand(String name) {
        CommandLine sub = PitaCli.commandLine(catalog).getSubcommands().get(name);
        assertNotNull(sub, "the CLI has a '" + name + "' subcommand");
        return sub.getCommandSpec();
    }

    /**
     * The options of a command line, each looked up on the subcommand it follows ({@code findOption}); fails naming
     * the first option the CLI does not have there.
     */
    private static List<OptionUse> optionsOf(Invocation inv) {
        CommandSpec spec = PitaCli.commandLine(catalog).getCommandSpec();
        String command = "pita";
        List<OptionUse> out = new ArrayList<>();
        List<String> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String t = args.get(i);
            if (t.startsWith("-") && t.length() > 1) {
                int eq = t.indexOf('=');
                String name = eq > 0 ? t.substring(0, eq) : t;
                OptionSpec o = spec.findOption(name);
                if (o == null) fail(inv.where() + ": " + name + " is not an option of '" + command + "' (its options: " + optionNames(spec) + ")");
                String value = null;
                if (eq > 0) {
                    value = t.substring(eq + 1);
                } else if (o.arity().max() > 0) {
                    assertTrue(i + 1 < args.size(), inv.where() + ": " + name + " needs a value");
                    value = args.get(++i);
                }
                out.add(new OptionUse(inv.where(), command, o.longestName(), value));
            } else {
                CommandLine sub = spec.subcommands().get(t);
                if (sub != null) {
                    spec = sub.getCommandSpec();
                    command += " " + t;
                } else {
                    assertFalse(spec.positionalParameters().isEmpty(), inv.where() + ": '" + command + "' takes no argument '" + t + "' (subcommands: "
                            + spec.subcommands().keySet() + ")");
                }
            }
        }
        return out;
    }

    private static Set<String> optionNames(CommandSpec spec) {
        return spec.options().stream().map(OptionSpec::longestName).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the Dockerfile

    private static List<Instruction> parseDockerfile(Path file) {
        List<String> lines = readLines(file);
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (current == null && trimmed.isEmpty())) continue;
            if (current == null) {
                current = new StringBuilder();
                start = n + 1;
            }
            boolean continued = trimmed.endsWith("\\");
            current.append(continued ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!continued) {
                String text = current.toString().strip().replaceAll("\\s+", " ");
                int sp = text.indexOf(' ');
                assertTrue(sp > 0, "Dockerfile line " + start + " has an instruction and its arguments: " + text);
                out.add(new Instruction(start, text.substring(0, sp).toUpperCase(Locale.ROOT), text.substring(sp + 1)));
                current = null;
            }
        }
        assertNull(current, "the Dockerfile ends inside a continued line");
        return out;
    }

    private static List<Instruction> instructions(String keyword) {
        return dockerfile.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    private static Instruction last(String keyword) {
        List<Instruction> l = instructions(keyword);
        assertFalse(l.isEmpty(), "the Dockerfile has a " + keyword);
        return l.get(l.size() - 1);
    }

    private static JsonNode jsonForm(Instruction i) {
        try {
            JsonNode n = new ObjectMapper().readTree(i.rest());
            assertTrue(n.isArray(), "Dockerfile line " + i.line() + ": " + i.keyword() + " in exec (JSON) form");
            return n;
        } catch (IOException e) {
            throw new AssertionError("Dockerfile line " + i.line() + ": " + i.keyword() + " in exec (JSON) form: " + e.getMessage(), e);
        }
    }

    private static String entrypointScript() {
        JsonNode entry = jsonForm(last("ENTRYPOINT"));
        assertTrue(entry.size() >= 3, "ENTRYPOINT [\"/bin/sh\", \"-c\", script, $0]");
        return entry.get(2).asText();
    }

    private static Invocation dockerfileCmd() {
        return new Invocation("Dockerfile CMD", texts(jsonForm(last("CMD"))));
    }

    /** ARG defaults declared before the first FROM (the ones FROM lines can use). */
    private static Map<String, String> globalArgs() {
        Map<String, String> out = new LinkedHashMap<>();
        int firstFrom = instructions("FROM").get(0).line();
        for (Instruction i : instructions("ARG")) {
            if (i.line() > firstFrom) continue;
            String[] kv = i.rest().split("=", 2);
            out.put(kv[0].trim(), kv.length == 2 ? kv[1].trim() : "");
        }
        return out;
    }

    private static String resolveArg(String name, Map<String, String> overrides) {
        String v = overrides.containsKey(name) ? overrides.get(name) : globalArgs().get(name);
        assertNotNull(v, "build argument " + name);
        return v;
    }

    private static String substitute(String text, Map<String, String> args) {
        Matcher m = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(args.getOrDefault(m.group(1), m.group())));
        return m.appendTail(out).toString();
    }

    private static List<String> envNames(String rest) {
        List<String> names = new ArrayList<>();
        if (!rest.contains("=")) return List.of(rest.split(" ")[0]);  // ENV NAME value
        Matcher m = Pattern.compile("(?:^|\\s)([A-Za-z_][A-Za-z0-9_]*)=").matcher(rest);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // the README's shell commands

    /** The simple commands in README.md's fenced code blocks (continuations joined, split at && ; | ||). */
    private static List<List<String>> readmeCommands() {
        List<List<String>> out = new ArrayList<>();
        boolean inBlock = false;
        StringBuilder line = new StringBuilder();
        for (String l : readme.split("\n")) {
            if (l.strip().startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock) continue;
            if (l.endsWith("\\")) {
                line.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            line.append(l);
            out.addAll(commands(line.toString().replaceFirst("^\\s*\\$ ", "")));
            line.setLength(0);
        }
        return out;
    }

    /**
     * Pita command lines in README.md: after {@code ./pita} or {@code pita} in command position, after
     * {@code -jar ...pita.jar}, or after a pita-j image name followed by a subcommand word.
     */
    private static List<Invocation> readmeInvocations() {
        List<Invocation> out = new ArrayList<>();
        for (List<String> cmd : readmeCommands()) {
            int first = 0;
            while (first < cmd.size() && (cmd.get(first).matches("[A-Za-z_][A-Za-z0-9_]*=.*") || Set.of("exec", "sudo", "env").contains(cmd.get(first)))) first++;
            int from = -1;
            if (first < cmd.size() && cmd.get(first).matches("(?:.*/)?pita")) from = first + 1;
            for (int i = first; from < 0 && i + 1 < cmd.size(); i++) {
                if (cmd.get(i).equals("-jar") && cmd.get(i + 1).endsWith("pita.jar")) from = i + 2;
                else if (PITA_IMAGE.matcher(cmd.get(i)).matches() && cmd.get(i).contains(":") && cmd.get(i + 1).matches("[a-z][a-z-]*")) from = i + 1;
            }
            if (from >= 0 && from < cmd.size()) out.add(new Invocation("README.md '" + String.join(" ", cmd) + "'", cmd.subList(from, cmd.size())));
        }
        return out;
    }

    /**
     * The simple commands of a shell line: words with quotes and backslashes resolved, split at unquoted
     * {@code && || ; | &}, redirections and comments dropped.
     */
    static List<List<String>> commands(String line) {
        List<List<String>> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        boolean skipNext = false;
        for (int i = 0; i <= line.length(); i++) {
            char ch = i < line.length() ? line.charAt(i) : ' ';
            if (w == null && ch == '#') break;
            boolean redirection = ch == '&' && w != null && w.toString().endsWith(">");
            if (redirection) {
                w.append(ch);
                continue;
            }
            if (Character.isWhitespace(ch) || ch == ';' || ch == '|' || ch == '&') {
                if (w != null) {
                    String word = w.toString();
                    if (skipNext) skipNext = false;
                    else if (word.matches("[0-9]*[<>]+(&[0-9]+)?")) skipNext = !word.contains("&");
                    else if (!word.matches("[0-9]*[<>]+.+")) words.add(word);
                    w = null;
                }
                if (ch == ';' || ch == '|' || ch == '&') {
                    if (!words.isEmpty()) out.add(words);
                    words = new ArrayList<>();
                    if (i + 1 < line.length() && (line.charAt(i + 1) == ch)) i++;
                }
                continue;
            }
            if (w == null) w = new StringBuilder();
            if (ch == '\'') {
                int end = line.indexOf('\'', i + 1);
                assertTrue(end > i, "unterminated ' in: " + line);
                w.append(line, i + 1, end);
                i = end;
            } else if (ch == '"') {
                int j = i + 1;
                for (; j < line.length() && line.charAt(j) != '"'; j++) {
                    if (line.charAt(j) == '\\' && j + 1 < line.length() && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) j++;
                    w.append(line.charAt(j));
                }
                assertTrue(j < line.length(), "unterminated \" in: " + line);
                i = j;
            } else if (ch == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            } else {
                w.append(ch);
            }
        }
        if (!words.isEmpty()) out.add(words);
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // small things

    private static String imageTag(String image) {
        String noDigest = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        if (image.contains("@sha256:")) return "@" + image.substring(image.indexOf('@') + 1);
        String lastPart = noDigest.substring(noDigest.lastIndexOf('/') + 1);
        return lastPart.contains(":") ? lastPart.substring(lastPart.indexOf(':') + 1) : "";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) for (JsonNode n : array) out.add(n.asText());
        else if (array.isValueNode()) out.add(array.asText());
        return out;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> out = new LinkedHashSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static int indexOfSequence(List<String> words, List<String> seq) {
        for (int i = 0; i + seq.size() <= words.size(); i++) if (words.subList(i, i + seq.size()).equals(seq)) return i;
        return -1;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
