/** How a token came to be; shown in the dashboard. */
export const CREATED_VIA = ["manual", "authorization_code", "client_credentials", "refresh_token"] as const;
export type CreatedVia = (typeof CREATED_VIA)[number];

export const CREATED_VIA_LABELS: Record<CreatedVia, string> = {
  manual: "Manual",
  authorization_code: "Authorization code",
  client_credentials: "Client credentials",
  refresh_token: "Refresh",
};
