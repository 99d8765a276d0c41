using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DevelopmentPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "development_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    value_proposition = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    strategic_priorities = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: false),
                    previous_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    review_cadence_months = table.Column<int>(type: "integer", nullable: false),
                    next_review_due = table.Column<DateOnly>(type: "date", nullable: true),
                    last_reviewed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    progress = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    initiatives_total = table.Column<int>(type: "integer", nullable: false),
                    initiatives_done = table.Column<int>(type: "integer", nullable: false),
                    earliest_open_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    milestones = table.Column<string>(type: "jsonb", nullable: false),
                    stakeholders = table.Column<string>(type: "jsonb", nullable: false),
                    swot = table.Column<string>(type: "jsonb", nullable: false),
                    submitted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    baseline = table.Column<string>(type: "jsonb", nullable: true),
                    rejection_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    rejected_by = table.Column<Guid>(type: "uuid", nullable: true),
                    rejected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancellation_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_development_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_development_plans_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_development_plans_development_plans_previous_version_id",
                        column: x => x.previous_version_id,
                        principalTable: "development_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_development_plans_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_development_plans_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_objectives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    measure_unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    measure_direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    measure_baseline = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    measure_target = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    measure_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    measure_source = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    actual = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: true),
                    actual_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    progress = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_objectives", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_objectives_development_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "development_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_version = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    by = table.Column<Guid>(type: "uuid", nullable: false),
                    progress = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    objectives = table.Column<string>(type: "jsonb", nullable: false),
                    decisions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_reviews_development_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "development_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_reviews_users_by",
                        column: x => x.by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_initiatives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    department = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    objective_id = table.Column<Guid>(type: "uuid", nullable: true),
                    budget_amount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: true),
                    budget_currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    person_days = table.Column<decimal>(type: "numeric(8,1)", precision: 8, scale: 1, nullable: true),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    overdue_notified_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_initiatives", x => x.id);
                    table.ForeignKey(
                        name: "fk_plan_initiatives_development_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "development_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_plan_initiatives_plan_objective_objective_id",
                        column: x => x.objective_id,
                        principalTable: "plan_objectives",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_plan_initiatives_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_development_plans_account_id_status",
                table: "development_plans",
                columns: new[] { "account_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_development_plans_author_id",
                table: "development_plans",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_development_plans_open_due",
                table: "development_plans",
                column: "earliest_open_due_date",
                filter: "status IN ('Approved', 'Active')");

            migrationBuilder.CreateIndex(
                name: "ix_development_plans_owner_id_updated_at",
                table: "development_plans",
                columns: new[] { "owner_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_development_plans_review_due",
                table: "development_plans",
                column: "next_review_due",
                filter: "status = 'Active'");

            migrationBuilder.CreateIndex(
                name: "ix_development_plans_status_updated_at",
                table: "development_plans",
                columns: new[] { "status", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_development_plans_updated_at",
                table: "development_plans",
                column: "updated_at");

            migrationBuilder.CreateIndex(
                name: "ux_development_plans_previous_version",
                table: "development_plans",
                column: "previous_version_id",
                unique: true,
                filter: "previous_version_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_plan_initiatives_objective_id",
                table: "plan_initiatives",
                column: "objective_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_initiatives_owner_id_status_due_date",
                table: "plan_initiatives",
                columns: new[] { "owner_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_initiatives_plan_id_position",
                table: "plan_initiatives",
                columns: new[] { "plan_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_objectives_plan_id_position",
                table: "plan_objectives",
                columns: new[] { "plan_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_reviews_by",
                table: "plan_reviews",
                column: "by");

            migrationBuilder.CreateIndex(
                name: "ix_plan_reviews_plan_id_held_on",
                table: "plan_reviews",
                columns: new[] { "plan_id", "held_on" });

            // At most one Approved or Active plan per account for overlapping periods (see
            // DevelopmentPlanConfiguration.InForceExclusion): btree_gist lets the account id share a GiST index with
            // the date range. DEFERRABLE so that approving a revision may supersede its previous version in the same
            // transaction, whatever order the two updates are written in.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql(
                "ALTER TABLE development_plans ADD CONSTRAINT ex_development_plans_in_force EXCLUDE USING gist " +
                "(account_id WITH =, daterange(start_date, end_date, '[]') WITH &&) " +
                "WHERE (status IN ('Approved', 'Active')) DEFERRABLE INITIALLY IMMEDIATE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_initiatives");

            migrationBuilder.DropTable(
                name: "plan_reviews");

            migrationBuilder.DropTable(
                name: "plan_objectives");

            migrationBuilder.DropTable(
                name: "development_plans");
        }
    }
}
