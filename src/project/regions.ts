/** AWS region names: `us-east-1`, `ap-southeast-1`, `us-gov-west-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
