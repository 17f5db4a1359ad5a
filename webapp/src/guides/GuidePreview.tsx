import { Box, Button, Divider, Paper, Typography } from '@mui/material';
import { isSafeHref, renderBlocks, renderInline } from './markdown';
import type { GuideContent, GuideSection } from './types';

const SectionBody = ({ section }: { section: GuideSection }) => {
  switch (section.type) {
    case 'TEXT':
      return <>{renderBlocks(section.body)}</>;
    case 'BULLETS':
      return (
        <ul>
          {(section.items ?? []).map((item, i) => (
            <li key={i}>{renderInline(item)}</li>
          ))}
        </ul>
      );
    case 'LINKS':
      return (
        <ul>
          {(section.links ?? []).map((link, i) => (
            <li key={i}>{isSafeHref(link?.href) ? <a href={link.href}>{link.label}</a> : link?.label}</li>
          ))}
        </ul>
      );
    case 'FAQ':
      return (
        <dl>
          {(section.faqs ?? []).map((qa, i) => (
            <Box key={i} mb={1.5}>
              <Typography component="dt" fontWeight="bold">
                {qa?.question}
              </Typography>
              <Box component="dd" m={0}>
                {renderBlocks(qa?.answer)}
              </Box>
            </Box>
          ))}
        </dl>
      );
    default:
      return null;
  }
};

/**
 * The page as the public site lays it out (title, short answer, sections, disclaimer, call to
 * action), rendered by React from the form's values: text is escaped, never injected as HTML.
 */
export const GuidePreview = ({ guide }: { guide: GuideContent }) => (
  <Paper variant="outlined" sx={{ p: 3 }} aria-label="Preview" role="region">
    <Typography variant="overline" color="text.secondary">
      Preview
    </Typography>
    <Typography variant="h4" component="h1" gutterBottom>
      {guide.title || 'Untitled guide'}
    </Typography>
    {guide.summary && (
      <Box mb={2}>
        <Typography variant="h6" component="h2">
          Short Answer
        </Typography>
        {renderBlocks(guide.summary)}
      </Box>
    )}
    {(guide.sections ?? []).map((section, i) =>
      section ? (
        <Box key={i} mb={2} component="section">
          <Typography variant="h6" component="h2">
            {section.heading}
          </Typography>
          <SectionBody section={section} />
        </Box>
      ) : null,
    )}
    {guide.disclaimer && (
      <Box mb={2}>
        <Typography variant="h6" component="h2">
          Medical Disclaimer
        </Typography>
        <Typography variant="body2" component="div">
          {renderBlocks(guide.disclaimer)}
        </Typography>
      </Box>
    )}
    {guide.medicalReview?.reviewer && (
      <Typography variant="caption" component="p" color="text.secondary">
        Medically reviewed by {guide.medicalReview.reviewer}
        {guide.medicalReview.reviewedOn ? ` on ${guide.medicalReview.reviewedOn}` : ''}
      </Typography>
    )}
    {guide.cta?.text && (
      <>
        <Divider sx={{ my: 2 }} />
        <Box>
          {renderBlocks(guide.cta.text)}
          <Button variant="contained" disabled>
            {guide.cta.buttonLabel || 'Join the waitlist'}
          </Button>
        </Box>
      </>
    )}
  </Paper>
);
