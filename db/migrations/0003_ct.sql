CREATE TABLE `crtsh_status` (
	`watched_domain_id` integer PRIMARY KEY NOT NULL,
	`last_attempt_at` text,
	`last_success_at` text,
	`last_error_code` text,
	`last_error` text,
	`row_count` integer,
	`record_count` integer,
	`truncated` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`watched_domain_id`) REFERENCES `ct_watched_domains`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `ct_log_list_status` (
	`id` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`version` text,
	`list_timestamp` text,
	`log_count` integer DEFAULT 0 NOT NULL,
	`tailed_count` integer DEFAULT 0 NOT NULL,
	`signature_verified` integer DEFAULT false NOT NULL,
	`last_attempt_at` text,
	`last_success_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `ct_logs` (
	`log_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`operator` text NOT NULL,
	`url` text NOT NULL,
	`submission_url` text,
	`public_key` text NOT NULL,
	`mmd` integer NOT NULL,
	`list_state` text,
	`tailed` integer DEFAULT true NOT NULL,
	`tail_state` text,
	`position` integer,
	`seen_tree_size` integer,
	`last_head_at` text,
	`last_success_at` text,
	`last_attempt_at` text,
	`last_error_code` text,
	`last_error` text,
	`last_error_at` text,
	`consecutive_errors` integer DEFAULT 0 NOT NULL,
	`misbehaving_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ct_sighting_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sighting_id` integer NOT NULL,
	`log_id` text NOT NULL,
	`entry_index` integer NOT NULL,
	`entry_type` text NOT NULL,
	`logged_at` text,
	FOREIGN KEY (`sighting_id`) REFERENCES `ct_sightings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ct_sighting_entries_unique` ON `ct_sighting_entries` (`log_id`,`entry_index`);--> statement-breakpoint
CREATE INDEX `ct_sighting_entries_sighting` ON `ct_sighting_entries` (`sighting_id`);--> statement-breakpoint
CREATE TABLE `ct_sightings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issuance_key` text NOT NULL,
	`tbs_sha256` text,
	`cert_sha256` text,
	`spki_sha256` text,
	`precert_only` integer DEFAULT true NOT NULL,
	`dns_names` text DEFAULT '[]' NOT NULL,
	`common_names` text DEFAULT '[]' NOT NULL,
	`issuer` text NOT NULL,
	`serial` text NOT NULL,
	`not_before` text,
	`not_after` text,
	`watched_domain_id` integer,
	`watch_item` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`acknowledged_by` text,
	`acknowledged_at` text,
	`first_seen_at` text NOT NULL,
	FOREIGN KEY (`watched_domain_id`) REFERENCES `ct_watched_domains`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ct_sightings_issuance_key_unique` ON `ct_sightings` (`issuance_key`);--> statement-breakpoint
CREATE INDEX `ct_sightings_first_seen` ON `ct_sightings` (`first_seen_at`);--> statement-breakpoint
CREATE INDEX `ct_sightings_status` ON `ct_sightings` (`status`,`first_seen_at`);--> statement-breakpoint
CREATE INDEX `ct_sightings_serial` ON `ct_sightings` (`serial`);--> statement-breakpoint
CREATE TABLE `ct_watched_domains` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pattern` text NOT NULL,
	`allowed_issuers` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ct_watched_domains_pattern_unique` ON `ct_watched_domains` (`pattern`);