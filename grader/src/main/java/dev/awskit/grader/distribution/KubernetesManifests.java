package dev.awskit.grader.distribution;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the grading Jobs of a class as YAML manifests, one file per Job, for {@code kubectl}. */
public final class KubernetesManifests {

  private static final ObjectMapper YAML =
      new ObjectMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .build())
          .setDefaultPropertyInclusion(JsonInclude.Include.NON_EMPTY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private KubernetesManifests() {}

  /**
   * Writes {@code NAME-shards.yaml} and {@code NAME-merge.yaml} into {@code folder} and returns
   * them, the shards' first.
   */
  public static List<Path> write(GradingJobs jobs, Path folder) throws IOException {
    Files.createDirectories(folder);
    Path shards = folder.resolve(jobs.shards().getMetadata().getName() + ".yaml");
    Path merge = folder.resolve(jobs.merge().getMetadata().getName() + ".yaml");
    Files.writeString(shards, yaml(jobs.shards()), StandardCharsets.UTF_8);
    Files.writeString(merge, yaml(jobs.merge()), StandardCharsets.UTF_8);
    return List.of(shards, merge);
  }

  /** Returns {@code job} as YAML, without the empty lists and maps the model holds. */
  public static String yaml(Job job) {
    try {
      return YAML.writeValueAsString(job);
    } catch (JsonProcessingException unwritable) {
      throw new IllegalStateException("A Job model that Jackson cannot write: " + unwritable, unwritable);
    }
  }

  /** Reads a Job back from YAML that {@link #yaml} wrote, for checks. */
  public static Job read(String yaml) throws IOException {
    return YAML.readValue(yaml, Job.class);
  }
}
