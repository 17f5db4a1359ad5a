package com.jadecrane.hospitals;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.jadecrane.system.ConditionalOnDemoData;

/**
 * Three clearly fictional hospitals for the embedded default run, so the admin UI and the public
 * API have something to show: one verified, one verified but due for re-verification soon, one
 * still being verified. Loaded only when there is no hospital at all.
 */
@Component
@ConditionalOnDemoData
class DemoHospitals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHospitals.class);
    private static final String DEMO_USER = "demo-data";

    private final HospitalRepository hospitals;
    private final VerificationRepository verifications;

    DemoHospitals(HospitalRepository hospitals, VerificationRepository verifications) {
        this.hospitals = hospitals;
        this.verifications = verifications;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (hospitals.count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now();
        long riverside = hospitals.insert(form("demo-riverside-cancer-hospital", "Demo Riverside Cancer Hospital (fictional)",
                "示例河畔肿瘤医院（虚构）", "Shanghai", "Shanghai",
                List.of(new Department("Thoracic Oncology", List.of("oncology", "lung-cancer"), "Demo department"),
                        new Department("Breast Surgery", List.of("breast-cancer"), null)),
                true), DEMO_USER);
        verify(riverside, today.minusMonths(2), today.plusMonths(10));

        long harbour = hospitals.insert(form("demo-harbour-university-hospital", "Demo Harbour University Hospital (fictional)",
                "示例海港大学医院（虚构）", "Guangzhou", "Guangdong",
                List.of(new Department("Head and Neck Oncology", List.of("oncology", "nasopharyngeal-cancer"), null)),
                true), DEMO_USER);
        verify(harbour, today.minusMonths(12).plusDays(20), today.plusDays(20));

        long mountain = hospitals.insert(form("demo-mountain-view-medical-center", "Demo Mountain View Medical Center (fictional)",
                "示例山景医疗中心（虚构）", "Chengdu", "Sichuan",
                List.of(new Department("Hepatobiliary Surgery", List.of("liver-cancer"), null)),
                false), DEMO_USER);
        hospitals.changeStatus(mountain, 0, HospitalStatus.IN_VERIFICATION, "Demo: video call being arranged", DEMO_USER);
        log.info("Loaded three fictional demo hospitals");
    }

    private void verify(long hospitalId, LocalDate verifiedOn, LocalDate expiresOn) {
        hospitals.changeStatus(hospitalId, 0, HospitalStatus.IN_VERIFICATION, null, DEMO_USER);
        long verification = verifications.insert(hospitalId, verifiedOn, expiresOn, VerificationMethod.VIDEO_CALL,
                "Demo Verifier (fictional)", "Demo verification of a fictional hospital", DEMO_USER);
        hospitals.markVerified(hospitalId, verification, DEMO_USER);
    }

    private static HospitalForm form(String slug, String name, String localName, String city, String province,
            List<Department> departments, boolean fullWorkflow) {
        FitCriteria fit = new FitCriteria(true, true, fullWorkflow, fullWorkflow, fullWorkflow ? List.of("en") : List.of(),
                fullWorkflow, fullWorkflow ? FollowUpChannel.EMAIL : FollowUpChannel.NONE, null,
                List.of("Pathology report and slides or blocks", "Imaging on DICOM media", "Prior treatment records",
                        "Medication list"));
        return new HospitalForm(null, slug, name, localName, city, province, "Grade 3A",
                "https://" + slug + ".example", new InternationalDesk("international@" + slug + ".example",
                        "+86 000 0000 0000", null, List.of("en", "zh"), "Demo contact; not a real hospital"),
                departments, fit, List.of());
    }
}
