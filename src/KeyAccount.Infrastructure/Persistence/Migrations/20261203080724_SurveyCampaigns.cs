using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SurveyCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Opening a campaign computes each invitation's token nonce and hash set-based in SQL
            // (Infrastructure/Sql/SurveyAudienceSql.cs). pgcrypto ships with PostgreSQL (contrib).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pgcrypto;");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "survey_unsubscribed_at",
                table: "contacts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "survey_campaigns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    template_id = table.Column<Guid>(type: "uuid", nullable: false),
                    audience = table.Column<string>(type: "jsonb", nullable: false),
                    per_account_cap = table.Column<int>(type: "integer", nullable: false),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reminder_after_days = table.Column<int>(type: "integer", nullable: true),
                    recurrence = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    default_language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    invited_count = table.Column<int>(type: "integer", nullable: true),
                    skipped_count = table.Column<int>(type: "integer", nullable: true),
                    previous_campaign_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_campaigns", x => x.id);
                    table.CheckConstraint("ck_survey_campaigns_cap", "per_account_cap BETWEEN 1 AND 50");
                    table.CheckConstraint("ck_survey_campaigns_dates", "closes_at > opens_at");
                    table.ForeignKey(
                        name: "fk_survey_campaigns_survey_campaigns_previous_campaign_id",
                        column: x => x.previous_campaign_id,
                        principalTable: "survey_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_survey_campaigns_users_created_by",
                        column: x => x.created_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "survey_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    buying_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    token_nonce = table.Column<byte[]>(type: "bytea", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_invitations", x => x.id);
                    table.CheckConstraint("ck_survey_invitations_hash", "octet_length(token_hash) = 32");
                    table.CheckConstraint("ck_survey_invitations_nonce", "octet_length(token_nonce) = 16");
                    table.ForeignKey(
                        name: "fk_survey_invitations_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_invitations_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_invitations_survey_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "survey_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_skips",
                columns: table => new
                {
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_skips", x => new { x.campaign_id, x.contact_id });
                    table.ForeignKey(
                        name: "fk_survey_skips_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_skips_contacts_contact_id",
                        column: x => x.contact_id,
                        principalTable: "contacts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_survey_skips_survey_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "survey_campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_campaigns_created_by",
                table: "survey_campaigns",
                column: "created_by");

            migrationBuilder.CreateIndex(
                name: "ix_survey_campaigns_opens_at",
                table: "survey_campaigns",
                column: "opens_at");

            migrationBuilder.CreateIndex(
                name: "ix_survey_campaigns_previous_campaign_id",
                table: "survey_campaigns",
                column: "previous_campaign_id",
                unique: true,
                filter: "previous_campaign_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_survey_campaigns_status_opens_at",
                table: "survey_campaigns",
                columns: new[] { "status", "opens_at" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_campaigns_template_id",
                table: "survey_campaigns",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_account_recent",
                table: "survey_invitations",
                columns: new[] { "account_id", "created_at" },
                filter: "kind = 'Regular'");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_campaign_id_status",
                table: "survey_invitations",
                columns: new[] { "campaign_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_contact_recent",
                table: "survey_invitations",
                columns: new[] { "contact_id", "created_at" },
                filter: "kind = 'Regular'");

            migrationBuilder.CreateIndex(
                name: "ux_survey_invitations_campaign_contact",
                table: "survey_invitations",
                columns: new[] { "campaign_id", "contact_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_survey_invitations_token_hash",
                table: "survey_invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_skips_account_id",
                table: "survey_skips",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_survey_skips_campaign_id_reason",
                table: "survey_skips",
                columns: new[] { "campaign_id", "reason" });

            migrationBuilder.CreateIndex(
                name: "ix_survey_skips_contact_id",
                table: "survey_skips",
                column: "contact_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_invitations");

            migrationBuilder.DropTable(
                name: "survey_skips");

            migrationBuilder.DropTable(
                name: "survey_campaigns");

            migrationBuilder.DropColumn(
                name: "survey_unsubscribed_at",
                table: "contacts");
        }
    }
}
