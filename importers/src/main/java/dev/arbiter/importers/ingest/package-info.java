/**
 * Files into datasets (step 2 of docs/architecture.md): format sniffing, trace flattening, roles,
 * all-or-nothing imports with rejected rows kept, the dataset catalog.
 */
package dev.arbiter.importers.ingest;
