using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintsFeedHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Complaints now feed the health seam: per account with complaints, the open ones and the SLA breaches of
            // complaints received in the last 90 days (an account without complaints has no row: 0 and 0).
            migrationBuilder.Sql("""
                CREATE OR REPLACE VIEW account_service AS
                SELECT c.account_id,
                       (count(*) FILTER (WHERE c.status NOT IN ('Resolved', 'Closed')))::integer AS open_complaints,
                       (count(*) FILTER (WHERE (c.first_response_breached OR c.resolution_breached) AND c.received_at >= now() - interval '90 days'))::integer AS sla_breaches_90d
                FROM complaints c
                GROUP BY c.account_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE VIEW account_service AS
                SELECT NULL::uuid AS account_id, NULL::integer AS open_complaints, NULL::integer AS sla_breaches_90d WHERE false;
                """);
        }
    }
}
