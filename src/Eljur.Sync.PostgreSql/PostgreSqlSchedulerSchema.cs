using System.Collections.Generic;

namespace Eljur.Sync.PostgreSql;

/// <summary>
/// The tables of Quartz.NET's ADO.NET job store (component <c>scheduler</c> in <c>schema_version</c>), in the
/// store's schema with the prefix <c>qrtz_</c>, so the gateway's clustered scheduler keeps its jobs in the same
/// database as the store and the run history, installed and upgraded by the same ordered migrations.
/// </summary>
internal static class PostgreSqlSchedulerSchema
{
    /// <summary>The component name in <c>schema_version</c>.</summary>
    public const string Component = "scheduler";

    /// <summary>
    /// Index + 1 is the version a script produces; <c>{schema}</c> is the store's schema. Never edit a shipped one: append
    /// (a later Quartz release that adds columns gets a new script here).
    /// </summary>
    /// <remarks>
    /// Version 1 is the PostgreSQL schema of Quartz.NET 4.7.3 (the job store's own <c>create_postgres.sql</c>, also
    /// published as <c>database/tables/tables_postgres.sql</c> in the Quartz.NET repository), © the Quartz.NET
    /// project, licensed under the Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0). Adapted here:
    /// tables qualified by our schema, statements joined into one script run in our migration transaction.
    /// Quartz verifies these tables when the scheduler starts.
    /// </remarks>
    public static readonly IReadOnlyList<string> Migrations = new[]
    {
        // 1: Quartz.NET 4.7.3.
        """
        CREATE TABLE {schema}.qrtz_job_details (
          sched_name text not null,
          job_name text not null,
          job_group text not null,
          description text null,
          job_class_name text not null,
          is_durable bool not null,
          is_nonconcurrent bool not null,
          is_update_data bool not null,
          requests_recovery bool not null,
          job_data bytea null,
          primary key (sched_name,job_name,job_group)
        );
        CREATE TABLE {schema}.qrtz_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          job_name text not null,
          job_group text not null,
          description text null,
          next_fire_time bigint null,
          prev_fire_time bigint null,
          priority integer null,
          trigger_state text not null,
          trigger_type text not null,
          start_time bigint not null,
          end_time bigint null,
          calendar_name text null,
          misfire_instr smallint null,
          misfire_orig_fire_time bigint null,
          execution_group varchar(200) null,
          preferred_node varchar(200) null,
          preferred_node_auto bool not null default false,
          retry_policy varchar(250) null,
          retry_attempt integer null,
          continues_trigger_name text null,
          continues_trigger_group text null,
          continuation_condition integer null,
          overlap_policy integer null,
          pause_reason varchar(250) null,
          paused_by varchar(200) null,
          paused_at bigint null,
          misfire_threshold bigint null,
          fixed_delay bool null,
          job_data bytea null,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,job_name,job_group) references {schema}.qrtz_job_details (sched_name,job_name,job_group)
        );
        CREATE TABLE {schema}.qrtz_simple_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          repeat_count bigint not null,
          repeat_interval bigint not null,
          times_triggered bigint not null,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,trigger_name,trigger_group) references {schema}.qrtz_triggers (sched_name,trigger_name,trigger_group) on delete cascade
        );
        CREATE TABLE {schema}.qrtz_cron_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          cron_expression text not null,
          time_zone_id text,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,trigger_name,trigger_group) references {schema}.qrtz_triggers (sched_name,trigger_name,trigger_group) on delete cascade
        );
        CREATE TABLE {schema}.qrtz_simprop_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          str_prop_1 text null,
          str_prop_2 text null,
          str_prop_3 text null,
          int_prop_1 integer null,
          int_prop_2 integer null,
          long_prop_1 bigint null,
          long_prop_2 bigint null,
          dec_prop_1 numeric null,
          dec_prop_2 numeric null,
          bool_prop_1 bool null,
          bool_prop_2 bool null,
          time_zone_id text null,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,trigger_name,trigger_group) references {schema}.qrtz_triggers (sched_name,trigger_name,trigger_group) on delete cascade
        );
        CREATE TABLE {schema}.qrtz_blob_triggers (
          sched_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          blob_data bytea null,
          primary key (sched_name,trigger_name,trigger_group),
          foreign key (sched_name,trigger_name,trigger_group) references {schema}.qrtz_triggers (sched_name,trigger_name,trigger_group) on delete cascade
        );
        CREATE TABLE {schema}.qrtz_calendars (
          sched_name text not null,
          calendar_name text not null,
          calendar bytea not null,
          primary key (sched_name,calendar_name)
        );
        CREATE TABLE {schema}.qrtz_paused_trigger_grps (
          sched_name text not null,
          trigger_group text not null,
          pause_reason varchar(250) null,
          paused_by varchar(200) null,
          paused_at bigint null,
          primary key (sched_name,trigger_group)
        );
        CREATE TABLE {schema}.qrtz_paused_job_grps (
          sched_name text not null,
          job_group text not null,
          pause_reason varchar(250) null,
          paused_by varchar(200) null,
          paused_at bigint null,
          primary key (sched_name,job_group)
        );
        CREATE TABLE {schema}.qrtz_fired_triggers (
          sched_name text not null,
          entry_id text not null,
          trigger_name text not null,
          trigger_group text not null,
          instance_name text not null,
          fired_time bigint not null,
          sched_time bigint not null,
          priority integer not null,
          state text not null,
          job_name text null,
          job_group text null,
          is_nonconcurrent bool not null,
          requests_recovery bool null,
          execution_group varchar(200) null,
          progress integer null,
          progress_message varchar(250) null,
          interrupt_requested_time bigint null,
          primary key (sched_name,entry_id)
        );
        CREATE TABLE {schema}.qrtz_scheduler_state (
          sched_name text not null,
          instance_name text not null,
          last_checkin_time bigint not null,
          checkin_interval bigint not null,
          quartz_version varchar(20) null,
          primary key (sched_name,instance_name)
        );
        CREATE TABLE {schema}.qrtz_locks (
          sched_name text not null,
          lock_name text not null,
          primary key (sched_name,lock_name)
        );
        CREATE TABLE {schema}.qrtz_execution_history (
          sched_name text not null,
          entry_id text not null,
          instance_name text not null,
          job_name text not null,
          job_group text not null,
          trigger_name text not null,
          trigger_group text not null,
          fired_time bigint not null,
          run_time bigint not null,
          succeeded bool not null,
          error_message text null,
          retry_attempt integer not null default 0,
          retry_scheduled bool not null default false,
          execution_log text null,
          result integer null,
          summary text null,
          metrics text null,
          manual bool null,
          fire_instance_id text null,
          job_input text null,
          job_input_too_large bool null,
          primary key (sched_name,entry_id)
        );
        CREATE TABLE {schema}.qrtz_misfire_history (
          sched_name text not null,
          entry_id text not null,
          instance_name text not null,
          trigger_name text not null,
          trigger_group text not null,
          job_name text null,
          job_group text null,
          misfire_time bigint not null,
          sched_time bigint null,
          reason integer null,
          primary key (sched_name,entry_id)
        );
        CREATE TABLE {schema}.qrtz_job_status (
          sched_name text not null,
          job_group text not null,
          job_name text not null,
          first_fired_time bigint not null,
          last_fired_time bigint not null,
          last_result integer not null,
          last_run_time bigint not null,
          last_instance_name text not null,
          last_entry_id text null,
          last_summary text null,
          last_success_time bigint null,
          last_failure_time bigint null,
          last_failure_message text null,
          consecutive_failures integer not null default 0,
          run_count bigint not null default 0,
          failure_count bigint not null default 0,
          primary key (sched_name,job_group,job_name)
        );
        CREATE INDEX idx_qrtz_j_g_n ON {schema}.qrtz_job_details (sched_name, job_group, job_name);
        CREATE INDEX idx_qrtz_t_j ON {schema}.qrtz_triggers (sched_name, job_name, job_group);
        CREATE INDEX idx_qrtz_t_g_n ON {schema}.qrtz_triggers (sched_name, trigger_group, trigger_name);
        CREATE INDEX idx_qrtz_t_c ON {schema}.qrtz_triggers (sched_name, calendar_name);
        CREATE INDEX idx_qrtz_t_nft_st ON {schema}.qrtz_triggers (sched_name, trigger_state, next_fire_time asc, priority desc, misfire_instr);
        CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON {schema}.qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
        CREATE INDEX idx_qrtz_ft_j_g ON {schema}.qrtz_fired_triggers (sched_name, job_name, job_group);
        CREATE INDEX idx_qrtz_ft_t_g ON {schema}.qrtz_fired_triggers (sched_name, trigger_name, trigger_group);
        CREATE INDEX idx_qrtz_eh_fired_time ON {schema}.qrtz_execution_history (sched_name, fired_time);
        CREATE INDEX idx_qrtz_eh_inst ON {schema}.qrtz_execution_history (sched_name, instance_name);
        CREATE INDEX idx_qrtz_mh_misfire_time ON {schema}.qrtz_misfire_history (sched_name, misfire_time);
        CREATE INDEX idx_qrtz_mh_inst ON {schema}.qrtz_misfire_history (sched_name, instance_name);
        CREATE INDEX idx_qrtz_eh_job_time ON {schema}.qrtz_execution_history (sched_name, job_group, job_name, fired_time);
        CREATE INDEX idx_qrtz_eh_fire_inst ON {schema}.qrtz_execution_history (sched_name, fire_instance_id);
        CREATE INDEX idx_qrtz_eh_trig_time ON {schema}.qrtz_execution_history (sched_name, trigger_group, trigger_name, fired_time);
        """,
    };
}
