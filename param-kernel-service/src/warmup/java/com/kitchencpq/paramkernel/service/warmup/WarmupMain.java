package com.kitchencpq.paramkernel.service.warmup;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canary warm-up job (run by the {@code param-kernel-warmup} AnalysisTemplate): sends the
 * plan's baseline ApplyDelta requests to the canary ({@link Warmup}), prints the run log and the
 * histogram as one JSON line each on stdout (so the cluster's log shipping keeps the evidence),
 * writes them as files with {@code --output-dir}, and uploads them to pre-signed URLs with {@code
 * --upload-run-log}, {@code --upload-histogram} and {@code --upload-hgrm}.
 *
 * <p>Exit codes: 0 the warm-up passed and its evidence is stored; 1 the warm-up failed (a request
 * did not answer 200, or a limit was exceeded: the analysis then fails and the rollout aborts); 2 a
 * bad command line; 3 the warm-up passed but its evidence could not be written or uploaded (with
 * {@code --upload-failure=warn}, an upload failure is only reported).
 */
public final class WarmupMain {
  public static final int PASSED = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int EVIDENCE_NOT_STORED = 3;

  static final String OUTPUT_DIR = "output-dir";
  static final String UPLOAD_RUN_LOG = "upload-run-log";
  static final String UPLOAD_HISTOGRAM = "upload-histogram";
  static final String UPLOAD_HGRM = "upload-hgrm";
  static final String UPLOAD_FAILURE = "upload-failure";

  /**
   * How long all uploads together may take: the bundle's Job has 90 s in all
   * (activeDeadlineSeconds), of which the warm-up takes 10 s and the JVM a few.
   */
  static final Duration UPLOAD_BUDGET = Duration.ofSeconds(30);

  private static final List<String> JOB_OPTIONS =
      List.of(OUTPUT_DIR, UPLOAD_RUN_LOG, UPLOAD_HISTOGRAM, UPLOAD_HGRM, UPLOAD_FAILURE);

  private WarmupMain() {}

  /** The job's own options besides the profile. */
  record JobOptions(
      WarmupOptions warmup, Path outputDir, Map<String, URI> uploads, boolean uploadFailureFails) {

    static JobOptions parse(String... args) throws WarmupOptions.UsageException {
      List<String> known = new ArrayList<>(WarmupOptions.NAMES);
      known.addAll(JOB_OPTIONS);
      Map<String, String> values = CommandLine.parse(args, known);
      WarmupOptions warmup = WarmupOptions.fromValues(values);
      Path dir = null;
      if (values.containsKey(OUTPUT_DIR)) {
        if (values.get(OUTPUT_DIR).isBlank()) {
          throw new WarmupOptions.UsageException(OUTPUT_DIR, "must name a directory");
        }
        dir = Path.of(values.get(OUTPUT_DIR));
      }
      Map<String, URI> uploads = new LinkedHashMap<>();
      upload(values, UPLOAD_RUN_LOG, WarmupReport.RUN_LOG_FILE, uploads);
      upload(values, UPLOAD_HISTOGRAM, WarmupReport.HISTOGRAM_FILE, uploads);
      upload(values, UPLOAD_HGRM, WarmupReport.HGRM_FILE, uploads);
      String policy = values.getOrDefault(UPLOAD_FAILURE, "fail");
      if (!policy.equals("fail") && !policy.equals("warn")) {
        throw new WarmupOptions.UsageException(
            UPLOAD_FAILURE, "must be fail or warn, got '" + policy + "'");
      }
      return new JobOptions(warmup, dir, uploads, policy.equals("fail"));
    }

    private static void upload(
        Map<String, String> values, String option, String file, Map<String, URI> uploads)
        throws WarmupOptions.UsageException {
      String v = values.get(option);
      if (v != null) {
        uploads.put(file, PresignedUpload.checkUrl(option, v));
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the job with {@code args}; returns the exit code instead of exiting (the service's {@code
   * Main} dispatches its {@code warmup} command here).
   */
  public static int run(String[] args, PrintStream out, PrintStream err)
      throws InterruptedException {
    return run(args, out, err, PresignedUpload.standard(), UPLOAD_BUDGET);
  }

  static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      PresignedUpload uploader,
      Duration uploadBudget)
      throws InterruptedException {
    JobOptions job;
    try {
      job = JobOptions.parse(args);
    } catch (WarmupOptions.UsageException e) {
      err.println("warmup: " + e.getMessage());
      return USAGE;
    }
    // The JDK client keeps at most http.maxConnections idle connections per server (default 5);
    // with more senders than that, the others would reconnect for every request.
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty(
          "http.maxConnections", Integer.toString(Math.max(5, job.warmup().concurrency())));
    }
    WarmupReport report = Warmup.run(job.warmup());
    out.println(report.runLogJson());
    out.println(report.histogramJson());
    out.flush();
    err.println("warmup: " + report.summaryLine());

    boolean stored = true;
    Map<String, byte[]> files = report.files();
    if (job.outputDir() != null) {
      try {
        write(job.outputDir(), files);
      } catch (IOException e) {
        err.println("warmup: could not write the evidence to " + job.outputDir() + ": " + e);
        stored = false;
      }
    }
    long uploadDeadline = System.nanoTime() + uploadBudget.toNanos();
    for (Map.Entry<String, URI> upload : job.uploads().entrySet()) {
      String file = upload.getKey();
      try {
        uploader.put(upload.getValue(), files.get(file), contentType(file), uploadDeadline);
        err.println("warmup: uploaded " + file + " to " + Redaction.display(upload.getValue()));
      } catch (PresignedUpload.UploadException e) {
        if (job.uploadFailureFails()) {
          err.println("warmup: " + file + " not stored: " + e.getMessage());
          stored = false;
        } else {
          err.println(
              "warmup: WARNING " + file + " not stored (--upload-failure=warn): " + e.getMessage());
        }
      }
    }
    err.flush();
    if (!report.passed()) {
      return FAILED;
    }
    return stored ? PASSED : EVIDENCE_NOT_STORED;
  }

  static String contentType(String file) {
    return file.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8";
  }

  /** Writes each file next to its final place and renames it there, so none is half-written. */
  static void write(Path dir, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path target = dir.resolve(f.getKey());
      Path tmp = Files.createTempFile(dir, "." + f.getKey(), ".tmp");
      try {
        Files.write(tmp, f.getValue());
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
