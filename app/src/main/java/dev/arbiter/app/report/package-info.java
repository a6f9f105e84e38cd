/**
 * The decision PDF (step 9 of docs/architecture.md): layout, charts, attachments, the PAdES
 * signature, its verification and the reproduction of the analysis (decision 0007).
 */
package dev.arbiter.app.report;
