using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PaymentTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcceptedPaymentMethods",
                table: "Sites",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "Cash,Card,Check,CompanyCheck,BankTransfer,LenderFunding,CashiersCheck");

            migrationBuilder.AddColumn<long>(
                name: "CashLimit",
                table: "Sites",
                type: "bigint",
                nullable: false,
                defaultValue: 1000000L);

            migrationBuilder.AddColumn<int>(
                name: "CheckClearanceDays",
                table: "Sites",
                type: "int",
                nullable: false,
                defaultValue: 5);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptedPaymentMethods",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "CashLimit",
                table: "Sites");

            migrationBuilder.DropColumn(
                name: "CheckClearanceDays",
                table: "Sites");
        }
    }
}
