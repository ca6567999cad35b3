"use client";

import { Banner, BlockStack, Layout, Page, SkeletonBodyText, SkeletonPage, Card } from "@shopify/polaris";
import { useMe, useOrganization } from "@/components/api/organizations";
import { ErrorBanner } from "@/components/ui/error-banner";
import { can } from "@/lib/organizations/permissions";
import { ActivityCard } from "./activity-card";
import { InvitationsCard } from "./invitations-card";
import { InviteCard } from "./invite-card";
import { LeaveCard } from "./leave-card";
import { MembersCard } from "./members-card";
import { RenameCard } from "./rename-card";
import { RoleBadge } from "./role-badge";

export function SettingsView() {
  const { data: me } = useMe();
  const { data, error, isPending } = useOrganization();
  if (isPending || !me) {
    return (
      <SkeletonPage>
        <Card>
          <SkeletonBodyText lines={8} />
        </Card>
      </SkeletonPage>
    );
  }
  if (error) {
    return (
      <Page title="Organization settings">
        <ErrorBanner title="Could not load the organization" error={error} />
      </Page>
    );
  }

  const { organization, role, members, invitations } = data;
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <Page title="Organization settings" subtitle={organization.name} titleMetadata={<RoleBadge role={role} />}>
      <Layout>
        {!can(role, "members.manage") ? (
          <Layout.Section>
            <Banner tone="info" title="You have read-only access">
              <p>Only owners and admins can rename the organization, invite people or change roles.</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.AnnotatedSection id="details" title="Details" description="The name everyone in the organization sees.">
          <RenameCard key={organization.id} organization={organization} canEdit={can(role, "organization.rename")} />
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection
          id="members"
          title="Members"
          description="Owners manage everything, including other owners. Admins manage members, invitations and stores. Members can look."
        >
          <MembersCard
            members={members}
            viewerRole={role}
            viewerUserId={me.user.id}
            organizationName={organization.name}
          />
        </Layout.AnnotatedSection>
        {can(role, "members.manage") ? (
          <Layout.AnnotatedSection
            id="invite"
            title="Invite people"
            description="Create an invitation link for a teammate or a client."
          >
            <BlockStack gap="400">
              <InviteCard viewerRole={role} />
              <InvitationsCard invitations={invitations} />
            </BlockStack>
          </Layout.AnnotatedSection>
        ) : null}
        {can(role, "audit.view") ? (
          <Layout.AnnotatedSection
            id="activity"
            title="Activity"
            description="Every change to the organization and its members, with who made it. The record cannot be edited or deleted."
          >
            <ActivityCard />
          </Layout.AnnotatedSection>
        ) : null}
        <Layout.AnnotatedSection
          id="leave"
          title="Leave organization"
          description="Stop being a member of this organization."
        >
          <LeaveCard organizationName={organization.name} onlyOwner={role === "owner" && owners === 1} />
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
