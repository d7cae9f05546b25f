CREATE TABLE `certificates` (
	`fingerprint_sha256` text PRIMARY KEY NOT NULL,
	`der` blob NOT NULL,
	`subject` text NOT NULL,
	`issuer` text NOT NULL,
	`serial_number` text NOT NULL,
	`not_before` text NOT NULL,
	`not_after` text NOT NULL,
	`spki_sha256` text NOT NULL,
	`first_seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `endpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`host` text NOT NULL,
	`port` integer DEFAULT 443 NOT NULL,
	`ip` text,
	`sni` text,
	`ca_pem` text,
	`interval_seconds` integer DEFAULT 3600 NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`target_key` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `endpoints_target_key_unique` ON `endpoints` (`target_key`);--> statement-breakpoint
CREATE TABLE `observations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint_id` integer NOT NULL,
	`ip` text DEFAULT '' NOT NULL,
	`fingerprint_sha256` text NOT NULL,
	`position` integer NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`fingerprint_sha256`) REFERENCES `certificates`(`fingerprint_sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `observations_unique` ON `observations` (`endpoint_id`,`ip`,`fingerprint_sha256`,`position`);--> statement-breakpoint
CREATE TABLE `scans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`endpoint_id` integer NOT NULL,
	`job_id` text NOT NULL,
	`ip` text,
	`started_at` text NOT NULL,
	`finished_at` text NOT NULL,
	`duration_ms` integer NOT NULL,
	`outcome` text NOT NULL,
	`error_code` text,
	`error_message` text,
	`error_hint` text,
	`leaf_fingerprint` text,
	`not_after` text,
	`trusted` integer,
	`hostname_match` integer,
	`grade` text,
	`facts` text,
	FOREIGN KEY (`endpoint_id`) REFERENCES `endpoints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scans_job_id_unique` ON `scans` (`job_id`);--> statement-breakpoint
CREATE INDEX `scans_endpoint_started` ON `scans` (`endpoint_id`,`started_at`);