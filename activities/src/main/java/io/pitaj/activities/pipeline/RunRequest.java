package io.pitaj.activities.pipeline;

import io.pitaj.activities.spec.RunSpec;

/**
 * What every stage of a run is given through Temporal: the run id, the validated spec, and — when the spec's system
 * is a mixture file — that file's JSON, so that a worker on another machine needs no copy of it. A few kB.
 */
public record RunRequest(String runId, RunSpec spec, String mixtureJson) {}
