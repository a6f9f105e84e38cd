/**
 * Sample-size planning and power.
 */
package dev.arbiter.analytics.plan;
