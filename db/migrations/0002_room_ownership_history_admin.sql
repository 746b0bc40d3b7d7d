CREATE TABLE `room_clients` (
	`room_id` text NOT NULL,
	`client_id` integer NOT NULL,
	`subject` text NOT NULL,
	`bytes` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`room_id`, `client_id`)
);
--> statement-breakpoint
CREATE INDEX `room_clients_subject_idx` ON `room_clients` (`room_id`,`subject`);--> statement-breakpoint
CREATE TABLE `room_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`room_id` text NOT NULL,
	`state` blob NOT NULL,
	`reason` text NOT NULL,
	`taken_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `room_history_room_idx` ON `room_history` (`room_id`,`taken_at`);--> statement-breakpoint
ALTER TABLE `cbs_imports` ADD `imported_by` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `import_id` integer REFERENCES cbs_imports(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `users` ADD `is_admin` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `workshop_sessions` ADD `last_activity_at` integer;--> statement-breakpoint
-- The first account becomes the administrator (issue: who may change shared figures).
UPDATE `users` SET `is_admin` = 1 WHERE `id` = (SELECT `id` FROM `users` ORDER BY `created_at`, `rowid` LIMIT 1);--> statement-breakpoint
-- Values imported before this migration keep the latest import of their table and period.
UPDATE `indicator_values` SET `import_id` = (SELECT max(c.`id`) FROM `cbs_imports` c WHERE c.`table_id` = `indicator_values`.`table_id` AND c.`period` = `indicator_values`.`period`);--> statement-breakpoint
-- Sessions made before this migration count as active now, so their codes do not expire at once.
UPDATE `workshop_sessions` SET `last_activity_at` = `created_at`;
