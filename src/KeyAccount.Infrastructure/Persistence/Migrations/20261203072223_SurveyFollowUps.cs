using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SurveyFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_followups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    response_id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    nps_answer = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    target = table.Column<TimeSpan>(type: "interval", nullable: false),
                    calendar = table.Column<string>(type: "jsonb", nullable: false),
                    sla_state = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_escalation_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    clock_at_risk = table.Column<bool>(type: "boolean", nullable: false),
                    clock_breached = table.Column<bool>(type: "boolean", nullable: false),
                    clock_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    clock_escalation_level = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_followups", x => x.id);
                    table.ForeignKey(
                        name: "fk_survey_followups_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_followups_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_followups_users_closed_by",
                        column: x => x.closed_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_followups_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_followups_account_id_status",
                table: "survey_followups",
                columns: new[] { "account_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_followups_closed_by",
                table: "survey_followups",
                column: "closed_by");

            migrationBuilder.CreateIndex(
                name: "ix_survey_followups_contact_id",
                table: "survey_followups",
                column: "contact_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_followups_due_escalation",
                table: "survey_followups",
                column: "next_escalation_at",
                filter: "next_escalation_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_followups_owner_id_status_due_at",
                table: "survey_followups",
                columns: new[] { "owner_id", "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_followups_response_id",
                table: "survey_followups",
                column: "response_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_followups_status_due_at",
                table: "survey_followups",
                columns: new[] { "status", "due_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_followups");
        }
    }
}
