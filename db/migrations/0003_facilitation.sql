CREATE TABLE `ballots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` text NOT NULL,
	`voter` text NOT NULL,
	`shape_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `ballots_vote_voter_idx` ON `ballots` (`vote_id`,`voter`);--> statement-breakpoint
CREATE INDEX `ballots_vote_shape_idx` ON `ballots` (`vote_id`,`shape_id`);--> statement-breakpoint
CREATE TABLE `contributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workshop_session_id` text NOT NULL,
	`room_id` text NOT NULL,
	`shape_id` text NOT NULL,
	`subject` text NOT NULL,
	`role` text NOT NULL,
	`phase` text NOT NULL,
	`source` text NOT NULL,
	`private` integer DEFAULT false NOT NULL,
	`revealed_at` integer,
	`deleted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contributions_session_idx` ON `contributions` (`workshop_session_id`,`phase`);--> statement-breakpoint
CREATE UNIQUE INDEX `contributions_room_shape_idx` ON `contributions` (`room_id`,`shape_id`);--> statement-breakpoint
CREATE TABLE `record_owners` (
	`room_id` text NOT NULL,
	`record_id` text NOT NULL,
	`subject` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`room_id`, `record_id`)
);
--> statement-breakpoint
CREATE TABLE `rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_session_id` text NOT NULL,
	`kind` text NOT NULL,
	`owner_subject` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rooms_session_idx` ON `rooms` (`workshop_session_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_session_kind_owner_idx` ON `rooms` (`workshop_session_id`,`kind`,`owner_subject`);--> statement-breakpoint
CREATE TABLE `session_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workshop_session_id` text NOT NULL,
	`kind` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`by_subject` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_events_session_idx` ON `session_events` (`workshop_session_id`,`at`);--> statement-breakpoint
CREATE TABLE `session_facilitators` (
	`workshop_session_id` text NOT NULL,
	`user_id` text NOT NULL,
	`invited_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`workshop_session_id`, `user_id`),
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `session_facilitators_user_idx` ON `session_facilitators` (`user_id`);--> statement-breakpoint
CREATE TABLE `session_locks` (
	`workshop_session_id` text NOT NULL,
	`frame_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`workshop_session_id`, `frame_id`),
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`phase` text,
	`records` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `templates_user_idx` ON `templates` (`user_id`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` text PRIMARY KEY NOT NULL,
	`workshop_session_id` text NOT NULL,
	`frame_id` text,
	`votes_per_person` integer NOT NULL,
	`started_by` text,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	`results` text,
	FOREIGN KEY (`workshop_session_id`) REFERENCES `workshop_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `votes_session_idx` ON `votes` (`workshop_session_id`);--> statement-breakpoint
ALTER TABLE `participants` ADD `organisation_type` text;--> statement-breakpoint
ALTER TABLE `participants` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `phase` text DEFAULT 'inleven' NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `timer_status` text DEFAULT 'idle' NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `timer_ends_at` integer;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `timer_remaining_ms` integer;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `timer_duration_ms` integer;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `private_mode` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `private_facilitator_sees` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `locked_all` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `media_allowed` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Every werksessie so far had exactly one room, stored as a column: it becomes its main room.
INSERT INTO `rooms` (`id`, `workshop_session_id`, `kind`, `owner_subject`, `created_at`) SELECT `room_id`, `id`, 'main', NULL, `created_at` FROM `workshop_sessions`;
