/**
 * Configuration as code: every setting a user made (sources, guides, filters, mapping rules, relay profiles, proxies
 * with their doors, failover, guide matching and output access and users) as one document of records, entities
 * referred to by name so a document applies to another instance. Secrets appear as {@code ${ENV_NAME}} references.
 */
@NullMarked
package io.tvarr.domain.config;

import org.jspecify.annotations.NullMarked;
