CREATE TABLE `intervention_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`intervention_id` text NOT NULL,
	`version_number` integer,
	`measurement_id` text,
	`text` text NOT NULL,
	`by_user_id` text,
	`by_name` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`measurement_id`) REFERENCES `intervention_measurements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `intervention_comments_idx` ON `intervention_comments` (`intervention_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `intervention_frames` (
	`workshop_session_id` text NOT NULL,
	`frame_id` text NOT NULL,
	`intervention_id` text NOT NULL,
	`from_version` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`workshop_session_id`, `frame_id`),
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `intervention_frames_intervention_idx` ON `intervention_frames` (`intervention_id`);--> statement-breakpoint
CREATE TABLE `intervention_measurements` (
	`id` text PRIMARY KEY NOT NULL,
	`intervention_id` text NOT NULL,
	`target_id` text NOT NULL,
	`value` real NOT NULL,
	`date` text NOT NULL,
	`period` text,
	`source` text NOT NULL,
	`provisional` integer DEFAULT false NOT NULL,
	`origin` text DEFAULT '{"kind":"hand"}' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`target_id`) REFERENCES `intervention_targets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `intervention_measurements_idx` ON `intervention_measurements` (`intervention_id`,`target_id`,`date`);--> statement-breakpoint
CREATE TABLE `intervention_members` (
	`intervention_id` text NOT NULL,
	`user_id` text NOT NULL,
	`added_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`intervention_id`, `user_id`),
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `intervention_members_user_idx` ON `intervention_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `intervention_sessions` (
	`intervention_id` text NOT NULL,
	`workshop_session_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`intervention_id`, `workshop_session_id`),
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `intervention_sessions_session_idx` ON `intervention_sessions` (`workshop_session_id`);--> statement-breakpoint
CREATE TABLE `intervention_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`intervention_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text NOT NULL,
	`by_user_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `intervention_status_changes_idx` ON `intervention_status_changes` (`intervention_id`,`at`);--> statement-breakpoint
CREATE TABLE `intervention_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`intervention_id` text NOT NULL,
	`metric` text NOT NULL,
	`direction` text NOT NULL,
	`baseline_value` real NOT NULL,
	`baseline_date` text NOT NULL,
	`baseline_source` text NOT NULL,
	`target_value` real NOT NULL,
	`target_date` text NOT NULL,
	`judgement` text,
	`judgement_note` text,
	`judged_by` text,
	`judged_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`judged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `intervention_targets_idx` ON `intervention_targets` (`intervention_id`);--> statement-breakpoint
CREATE TABLE `intervention_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`intervention_id` text NOT NULL,
	`number` integer NOT NULL,
	`name` text,
	`reason` text NOT NULL,
	`content` text NOT NULL,
	`content_hash` text NOT NULL,
	`svg` text,
	`png` blob,
	`targets` text NOT NULL,
	`data_periods` text NOT NULL,
	`workshop_session_id` text,
	`frame_id` text,
	`phase` text,
	`based_on` integer,
	`created_by` text,
	`created_by_name` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`intervention_id`) REFERENCES `interventions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intervention_versions_number_idx` ON `intervention_versions` (`intervention_id`,`number`);--> statement-breakpoint
CREATE TABLE `interventions` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`question` text NOT NULL,
	`target_group` text,
	`place` text,
	`wijk_codes` text NOT NULL,
	`risk_factors` text DEFAULT '[]' NOT NULL,
	`owner_id` text NOT NULL,
	`reference_name` text,
	`reference_url` text,
	`reference_level` text,
	`status` text DEFAULT 'idee' NOT NULL,
	`origin_session_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `interventions_owner_idx` ON `interventions` (`owner_id`);--> statement-breakpoint
-- A saved version is immutable (issue 10): refused here, below every code path of the app.
CREATE TRIGGER `intervention_versions_no_update` BEFORE UPDATE ON `intervention_versions`
BEGIN
	SELECT RAISE(ABORT, 'intervention_versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `intervention_versions_no_delete` BEFORE DELETE ON `intervention_versions`
BEGIN
	SELECT RAISE(ABORT, 'intervention_versions are immutable');
END;
